using Planner.Cli.Rendering;
using Planner.Core.Traces;
using Spectre.Console.Cli;

namespace Planner.Cli.Commands;

/// <summary><c>planner price TRACE</c>: the exact cost of a trace with the prices in effect at each row's timestamp.</summary>
public sealed class PriceCommand(CliEnvironment environment) : Command<PriceCommand.Settings>
{
    public sealed class Settings : TraceSettings
    {
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var catalog = CatalogSource.Load(environment, settings);
        var options = settings.ToTraceOptions(catalog);
        var rejections = new TraceRejections();
        using var reader = settings.OpenReader(environment, catalog, options, rejections);
        var costs = new TraceCosts();
        TraceProgress.Run(environment, reader, progress => reader.ReadAll(costs, progress));
        var assumptions = TraceReport.AudioAssumptions(reader, options, catalog).AddCachedFallbacks(catalog, costs);

        if (settings.Json)
        {
            JsonOutput.Write(environment.Out, w =>
            {
                w.WriteStartObject();
                TraceReport.WriteRowsJson(w, settings.Trace, reader.RowsRead, rejections);
                if (settings.ModelOverride is { } model)
                {
                    w.WriteString("model_override", model);
                }

                TraceReport.WriteCostsJson(w, costs);
                assumptions.WriteJson(w);
                w.WriteEndObject();
            });
            return ExitCodes.Success;
        }

        var console = environment.Console;
        TraceReport.RenderRows(console, reader.RowsRead, rejections);
        TraceReport.RenderCosts(console, costs);
        assumptions.Render(console);
        return ExitCodes.Success;
    }
}
