using System.ComponentModel;
using Planner.Cli.Infrastructure;
using Planner.Cli.Rendering;
using Planner.Contract.Json;
using Planner.Contract.Queries;
using Planner.Contract.Services;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Planner.Cli.Commands;

/// <summary><c>planner diff</c>: every difference between two catalogs and what it does to each
/// workload's cost, with thresholds for CI.</summary>
public sealed class DiffCommand(CliEnvironment environment, WorkloadOpener opener) : Command<DiffCommand.Settings>
{
    /// <summary>The folder of reference workloads inside the data folder.</summary>
    public const string WorkloadsFolder = "workloads";

    public sealed class Settings : CommandSettings
    {
        [CommandOption("--base <OLD.json>")]
        [Description("The catalog before the change, e.g. the main branch's data/catalog.json. Required.")]
        public string Base { get; init; } = "";

        [CommandOption("--head <NEW.json>")]
        [Description("The catalog after the change. Required.")]
        public string Head { get; init; } = "";

        [CommandOption("-w|--workload <TRACE>")]
        [Description("A CSV trace to price under both catalogs; repeat for several. The default value is every *.csv in the bundled data/workloads/.")]
        public string[] Workloads { get; init; } = [];

        [CommandOption("--fail-above <PCT>")]
        [Description("Exit 1 when any workload's cost rises by more than PCT %. Must be >= 0. The default value is no limit.")]
        public decimal? FailAbove { get; init; }

        [CommandOption("--fail-below <PCT>")]
        [Description("Exit 1 when any workload's cost falls by more than PCT % (e.g. a price accidentally zeroed). Must be >= 0. The default value is no limit.")]
        public decimal? FailBelow { get; init; }

        [CommandOption("--format <FORMAT>")]
        [Description("table, json or markdown (ready to paste as a pull-request comment). The default value is table.")]
        [DefaultValue("table")]
        public string Format { get; init; } = "table";

        [CommandOption("--json")]
        [Description("Write JSON for machines (the same as --format json), like every other command.")]
        public bool Json { get; init; }

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Base))
            {
                return ValidationResult.Error("--base is required, e.g. --base main/data/catalog.json");
            }

            if (string.IsNullOrWhiteSpace(Head))
            {
                return ValidationResult.Error("--head is required, e.g. --head data/catalog.json");
            }

            if (ToQuery().Validate() is [var first, ..])
            {
                return ValidationResult.Error(FieldFlags.Message(first));
            }

            if (Json && Format is not ("table" or "json"))
            {
                return ValidationResult.Error($"give --json or --format {Format}, not both");
            }

            return Format is "table" or "json" or "markdown"
                ? ValidationResult.Success()
                : ValidationResult.Error($"--format must be table, json or markdown, got '{Format}'");
        }

        /// <summary>The command line as a query (the catalogs and workloads are files, loaded beside it).</summary>
        public DiffQuery ToQuery() => new() { FailAbove = FailAbove, FailBelow = FailBelow };
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var query = settings.ToQuery();
        FieldFlags.ThrowIfAny(query.Validate());
        var (@base, head) = CatalogPair.Load(settings.Base, settings.Head);
        var workloads = WorkloadPaths(settings).Select(opener.Open).ToList();
        var diff = DiffService.Run(query, @base, settings.Base, head, settings.Head, workloads);
        Warnings.Print(environment, diff.Warnings);

        switch (settings.Json ? "json" : settings.Format)
        {
            case "json":
                PlannerJson.Write(environment.Out, diff, PlannerJson.Context.DiffResult);
                break;
            case "markdown":
                environment.Out.Write(DiffMarkdown.Render(diff));
                environment.Out.Flush();
                break;
            default:
                DiffTable.Render(environment.Console, diff);
                break;
        }

        if (diff.Passed)
        {
            return ExitCodes.Success;
        }

        foreach (var breach in diff.Breaches)
        {
            environment.Error.WriteLine("planner: " + FieldFlags.InProse(breach.Message));
        }

        environment.Error.Flush();
        return ExitCodes.CheckFailed;
    }

    private IEnumerable<string> WorkloadPaths(Settings settings)
    {
        if (settings.Workloads.Length > 0)
        {
            return settings.Workloads;
        }

        string folder = Path.Combine(environment.DataDirectory, WorkloadsFolder);
        return Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.csv").Order(StringComparer.Ordinal)
            : [];
    }
}
