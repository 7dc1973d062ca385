using System.ComponentModel;
using Planner.Cli.Rendering;
using Planner.Core;
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

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Tier) ? ValidationResult.Error("--tier is required, e.g. --tier 1") : base.Validate();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var catalog = CatalogSource.Load(environment, settings);
        var options = settings.ToTraceOptions(catalog);
        var simulation = settings.ToOptions(settings.Tier);
        var rejections = new TraceRejections();
        using var reader = settings.OpenReader(environment, catalog, options, rejections);
        SimulationResult result;
        if (settings.Delays is { } delaysPath)
        {
            using var delays = new DelaysCsv(delaysPath);
            result = TraceProgress.Run(environment, reader, progress => TraceSimulator.Run(reader, catalog, simulation, progress, delays.Write));
        }
        else
        {
            result = TraceProgress.Run(environment, reader, progress => TraceSimulator.Run(reader, catalog, simulation, progress));
        }
        if (result.Unsupported is { } reason)
        {
            throw new PlannerException(PlannerErrorKind.TierNotSupported, reason);
        }

        var assumptions = SimulationReport.AddAssumptions(TraceReport.AudioAssumptions(reader, options, catalog), simulation);
        if (settings.Json)
        {
            JsonOutput.Write(environment.Out, w =>
            {
                w.WriteStartObject();
                TraceReport.WriteRowsJson(w, settings.Trace, result.RowsRead, rejections);
                if (settings.ModelOverride is { } model)
                {
                    w.WriteString("model_override", model);
                }

                SimulationReport.WriteJson(w, result);
                TraceReport.WriteCostsJson(w, result.Costs);
                w.WriteStartObject("whole_trace");
                w.WriteNumber("requests", result.OfferedCosts.Totals.Requests);
                w.WriteUsd("total_usd", result.OfferedCosts.Totals.Total);
                if (result.OfferedCosts.MonthlyProjection is { } whole)
                {
                    w.WriteUsd("monthly_projection_usd", whole);
                }
                else
                {
                    w.WriteNull("monthly_projection_usd");
                }

                w.WriteEndObject();
                assumptions.WriteJson(w);
                w.WriteEndObject();
            });
            return ExitCodes.Success;
        }

        var console = environment.Console;
        TraceReport.RenderRows(console, result.RowsRead, rejections);
        SimulationReport.Render(console, result);
        console.MarkupLine("[bold]Cost of the completed requests[/]");
        TraceReport.RenderCosts(console, result.Costs);
        if (result.OfferedCosts.Totals.Requests != result.Costs.Totals.Requests)
        {
            string month = result.OfferedCosts.MonthlyProjection is { } whole ? $"; 30-day month at this rate {Format.UsdCents(whole)}" : "";
            console.MarkupLineInterpolated(
                $"The figures above count only the {Format.Count(result.Costs.Totals.Requests)} completed requests. The whole trace ({Format.Count(result.OfferedCosts.Totals.Requests)} requests, as if all completed): {Format.Usd(result.OfferedCosts.Totals.Total)}{month}");
        }
        assumptions.Render(console);
        return ExitCodes.Success;
    }
}
