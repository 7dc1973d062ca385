using System.ComponentModel;
using Planner.Cli.Infrastructure;
using Planner.Cli.Rendering;
using Planner.Contract.Json;
using Planner.Contract.Queries;
using Planner.Contract.Results;
using Planner.Contract.Services;
using Planner.Core.Catalog;
using Planner.Core.Units;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Planner.Cli.Commands;

/// <summary><c>planner capacity</c>: how many requests of one shape a minute a tier sustains, and what that carries.</summary>
public sealed class CapacityCommand(CliEnvironment environment) : Command<CapacityCommand.Settings>
{
    public sealed class Settings : CapacityCallSettings
    {
        [CommandOption("-t|--tier <TIER>")]
        [Description("Usage tier: free, 1, 2, 3, 4 or 5; with a call load also 'all' (the default there).")]
        public string Tier { get; init; } = "";

        [CommandOption("--max-tokens <N>")]
        [Description("The max_tokens each request sends. OpenAI counts it against TPM in place of the real output. The default value is the request's output.")]
        public long? MaxTokens { get; init; }

        /// <summary>The command line as a query.</summary>
        public CapacityQuery ToQuery() => CallShapeInput.WithCall(this, WithShape(new CapacityQuery
        {
            Model = Model,
            Tier = Tier,
            MaxTokens = MaxTokens,
            ConcurrentCalls = ConcurrentCalls,
            CallsPerMinute = CallsPerMinute,
        }));
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var query = settings.ToQuery();
        FieldFlags.ThrowIfAny(query.Validate());
        var catalog = CatalogSource.Load(environment, settings);
        if (query.IsCall)
        {
            var calls = CapacityService.RunCalls(query, catalog, environment.Clock());
            if (settings.Json)
            {
                PlannerJson.Write(environment.Out, calls, PlannerJson.Context.CallCapacityResult);
                return ExitCodes.Success;
            }

            RenderCalls(environment.Console, calls);
            return ExitCodes.Success;
        }

        var result = CapacityService.Run(query, catalog, environment.Clock());
        Warnings.Print(environment, result.Warnings);
        if (settings.Json)
        {
            PlannerJson.Write(environment.Out, result, PlannerJson.Context.CapacityResult);
            return ExitCodes.Success;
        }

        Render(environment.Console, result);
        return ExitCodes.Success;
    }

    /// <summary>One request shape at a tier: the sustained rate, the audio it carries, the cost per hour.</summary>
    internal static void Render(IAnsiConsole console, CapacityResult result)
    {
        console.MarkupLineInterpolated($"[bold]{result.Model}[/] at {TierName.Parse(result.Tier).DisplayName} ({Format.Count(result.Rpm)} RPM / {Format.Count(result.Tpm)} TPM)");
        var table = new Table().Border(TableBorder.Rounded).HideHeaders().AddColumn("").AddColumn(new TableColumn("").RightAligned());
        table.AddRow("TPM charge per request", Format.Count(result.TpmChargePerRequest) + (result.MaxTokens is null ? " (input + output)" : " (input + max_tokens)"));
        table.AddRow("Sustained requests per minute", $"[bold]{Format.Number(result.MaxRequestsPerMinute)}[/] (limited by {result.LimitedBy.ToUpperInvariant()})");
        table.AddRow("Input audio carried per minute", Format.Number(result.InputAudioMinutesPerMinute) + " min");
        table.AddRow("Output audio carried per minute", Format.Number(result.OutputAudioMinutesPerMinute) + " min");
        table.AddRow("Cost per request", Format.Money(result.PerRequestUsd));
        table.AddRow("Cost per hour at that rate", Format.UsdCents(result.CostPerHourUsd));
        if (result.MaxTokens is not null)
        {
            table.AddRow("TPM reserved but unused (loose max_tokens)", Format.Number(result.TpmReservedButUnusedShare * 100m) + "%");
        }

        table.AddRow("Most output audio one request can carry", AudioDuration.FromSeconds(result.PerRequestAudioLimits.MaxOutputAudioSeconds).ToString());
        table.AddRow("Most input audio beside this request's other tokens", AudioDuration.FromSeconds(result.PerRequestAudioLimits.MaxInputAudioSeconds).ToString());
        console.Write(table);
        Assumptions.Render(console, result.Assumptions);
    }

    /// <summary>A call load against the tiers: each tier's limits, whether it carries the load, the most calls.</summary>
    internal static void RenderCalls(IAnsiConsole console, CallCapacityResult result)
    {
        console.MarkupLineInterpolated($"[bold]{result.Model}[/]: {Format.Number(result.ConcurrentCalls)} concurrent calls of {result.TurnCount:N0} turns in {Format.Number(result.CallMinutes)} min = {Format.Number(result.ResponsesPerMinute)} Responses and {Format.Number(result.TokensPerMinute, 0)} TPM");
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Tier").AddColumn(new TableColumn("RPM").RightAligned())
            .AddColumn(new TableColumn("TPM").RightAligned()).AddColumn("Carries the load").AddColumn(new TableColumn("Most calls").RightAligned());
        foreach (var row in result.Tiers)
        {
            string fits = !row.Supported ? "not supported" : row.Fits ? "[green]yes[/]" : $"[red]no[/] ({(row.FitsRpm ? "" : "RPM")}{(row.FitsRpm || row.FitsTpm ? "" : ", ")}{(row.FitsTpm ? "" : "TPM")})";
            table.AddRow(TierName.Parse(row.Tier).DisplayName, row.Rpm is { } r ? Format.Count(r) : "-", row.Tpm is { } t ? Format.Count(t) : "-", fits,
                row.Supported ? $"{Format.Count(row.MaxConcurrentCalls)} ({row.LimitedBy.ToUpperInvariant()})" : "0");
        }

        console.Write(table);
        console.MarkupLine(result.LowestTierThatFits is { } fit
            ? $"Lowest tier that carries it: [bold]{TierName.Parse(fit).DisplayName}[/]"
            : "[red]No tier carries this load.[/]");
        CallView.RenderWarnings(console, result.Warnings);
        Assumptions.Render(console, result.Assumptions);
    }
}
