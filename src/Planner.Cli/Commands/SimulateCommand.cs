using System.ComponentModel;
using Planner.Cli.Infrastructure;
using Planner.Cli.Rendering;
using Planner.Contract.Json;
using Planner.Contract.Queries;
using Planner.Contract.Results;
using Planner.Contract.Services;
using Planner.Core.Simulation;
using Planner.Core.Traces;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Planner.Cli.Commands;

/// <summary><c>planner simulate TRACE --tier T</c>: replays a trace against a tier's RPM and TPM limits.</summary>
public sealed class SimulateCommand(CliEnvironment environment) : Command<SimulateCommand.Settings>
{
    public sealed class Settings : SimulationSettings
    {
        [CommandOption("--tier <TIER>")]
        [Description("The usage tier: 1 ... 5 (free is not supported by the audio models).")]
        public string Tier { get; init; } = "";

        [CommandOption("--delays <FILE>")]
        [Description("Also write each request's fate to a CSV: line, timestamp, outcome (completed, dropped, rejected), admitted, queue_delay_seconds, attempts.")]
        public string? Delays { get; init; }

        /// <summary>The command line as a query (checked at once in Execute).</summary>
        public SimulateQuery ToQuery() => WithSimulation(new SimulateQuery { Tier = Tier });
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var query = settings.ToQuery();
        FieldFlags.ThrowIfAny(query.Validate());
        var catalog = CatalogSource.Load(environment, settings);
        var options = query.ToTraceOptions(catalog, forSimulation: true, environment.Clock());
        var simulation = query.ToOptions(query.Tier);
        var rejections = new TraceRejections();
        using var reader = settings.OpenReader(environment, catalog, options, rejections);
        SimulationResult outcome;
        if (settings.Delays is { } delaysPath)
        {
            using var delays = new DelaysCsv(delaysPath);
            outcome = TraceProgress.Run(environment, reader, progress => TraceSimulator.Run(reader, catalog, simulation, progress, delays.Write));
        }
        else
        {
            outcome = TraceProgress.Run(environment, reader, progress => TraceSimulator.Run(reader, catalog, simulation, progress));
        }

        var result = SimulateService.FromSimulation(query, catalog, reader, outcome);
        Warnings.Print(environment, result.Warnings);
        if (settings.Json)
        {
            PlannerJson.Write(environment.Out, result, PlannerJson.Context.SimulateResult);
            return ExitCodes.Success;
        }

        Render(environment.Console, result);
        return ExitCodes.Success;
    }

    /// <summary>The tables of a simulation result: rows, the simulation, the completed requests' cost and the whole trace's.</summary>
    internal static void Render(IAnsiConsole console, SimulateResult result)
    {
        TraceReport.RenderRows(console, result);
        SimulationReport.Render(console, result);
        console.MarkupLine("[bold]Cost of the completed requests[/]");
        TraceReport.RenderCosts(console, result);
        var whole = result.WholeTrace;
        if (whole.Requests != result.RequestsBilled)
        {
            string month = whole.MonthlyProjectionUsd is { } m ? $"; 30-day month at this rate {Format.UsdCents(m)}" : "";
            console.MarkupLineInterpolated(
                $"The figures above count only the {Format.Count(result.RequestsBilled)} completed requests. The whole trace ({Format.Count(whole.Requests)} requests, as if all completed): {Format.Usd(whole.TotalUsd)}{month}");
        }

        Assumptions.Render(console, result.Assumptions);
    }
}
