using System.ComponentModel;
using System.Globalization;
using Planner.Cli.Infrastructure;
using Planner.Cli.Rendering;
using Planner.Contract.Queries;
using Planner.Contract.Csv;
using Planner.Contract.Json;
using Planner.Contract.Results;
using Planner.Contract.Services;
using Planner.Core;
using Planner.Core.Projection;
using Planner.Core.Traces;
using Planner.Core.Units;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Planner.Cli.Commands;

/// <summary><c>planner project</c>: monthly cost over a horizon as a distribution, from a trace or a few numbers.</summary>
public sealed class ProjectCommand(CliEnvironment environment) : Command<ProjectCommand.Settings>
{
    public sealed class Settings : ProjectCallSettings
    {
        [CommandOption("-m|--model <MODEL>")]
        [Description("Model id, alias or snapshot (with --requests-per-day).")]
        public string? Model { get; init; }

        [CommandOption("--trace <TRACE>")]
        [Description("Learn the workload from this CSV trace instead of a request shape.")]
        public string? Trace { get; init; }

        [CommandOption("--by <FIELD>")]
        [Description("With --trace: also report the trace's exact cost per project, api_key, user or model, as read (not projected; the groups add up to the trace's total).")]
        public string? By { get; init; }

        [CommandOption("--skip-invalid")]
        [Description("With --trace: skip bad rows (counted) instead of stopping at the first.")]
        public bool SkipInvalid { get; init; }

        [CommandOption("--fit <HOW>")]
        [Description("With --trace: 'resample' observed requests (the default) or fit each meter 'lognormal'.")]
        public string? Fit { get; init; }

        [CommandOption("--requests-per-day <R>")]
        [Description("Mean requests a day. Must be >= 0.")]
        public decimal? RequestsPerDay { get; init; }

        [CommandOption("--requests-per-day-sd <SD>")]
        [Description("Standard deviation of a day's requests. The default value is 0 (an exact projection). Must be >= 0.")]
        public decimal RequestsPerDaySd { get; init; }

        [CommandOption("--months <K>")]
        [Description("Months to project. The default value is 12.")]
        public int Months { get; init; } = ProjectionDefaults.Months;

        [CommandOption("--growth <PCT>")]
        [Description("Monthly traffic growth in percent: month k is base x (1 + PCT/100)^(k-1). The default value is 0. Must be > -100.")]
        public decimal Growth { get; init; } = ProjectionDefaults.GrowthPercent;

        [CommandOption("--scale <X>")]
        [Description("Multiply all traffic by X (what-if). The default value is 1.")]
        public decimal Scale { get; init; } = ProjectionDefaults.Scale;

        [CommandOption("--runs <N>")]
        [Description("Monte Carlo runs. The default value is 10,000.")]
        public int Runs { get; init; } = ProjectionDefaults.Runs;

        [CommandOption("--seed <S>")]
        [Description("Random seed: the same seed gives the same figures. The default value is 1.")]
        public int Seed { get; init; } = ProjectionDefaults.Seed;

        [CommandOption("--budget <USD>")]
        [Description("Monthly budget: report the probability of exceeding it.")]
        public decimal? Budget { get; init; }

        [CommandOption("--compare-models <A,B>")]
        [Description("Project the same workload on each model, with the saving against the first.")]
        public string? CompareModels { get; init; }

        [CommandOption("--chart <FILE.png>")]
        [Description("Write a fan chart (P10 to P90 band, median line) of monthly cost.")]
        public string? Chart { get; init; }

        [CommandOption("--csv <FILE>")]
        [Description("Write the monthly table as CSV.")]
        public string? Csv { get; init; }

        public override ValidationResult Validate()
        {
            // Which workload the options make (a trace, a request shape, calls) first, one problem at a time as before;
            // then the call volume and the shapes; every field's value by ProjectQuery in Execute.
            if (ToQuery().FormErrors(Trace is not null) is [var first, ..])
            {
                return ValidationResult.Error(FieldFlags.Message(first));
            }

            if (Chart is not null && !Chart.EndsWith(".png", StringComparison.OrdinalIgnoreCase))
            {
                return ValidationResult.Error($"--chart must name a .png file, got '{Chart}'");
            }

            var calls = ValidateCallsAndStart(RequestsPerDay is not null, Trace is not null, CompareModels is not null);
            return calls.Successful ? base.Validate() : calls;
        }

        /// <summary>The command line as a query (the trace is opened beside it; the chart and CSV files are the command's).</summary>
        public ProjectQuery ToQuery() => WithVolume(new ProjectQuery
        {
            Model = Model,
            CompareModels = CompareModels,
            RequestsPerDay = RequestsPerDay,
            RequestsPerDaySd = RequestsPerDaySd,
            Months = Months,
            Growth = Growth,
            Scale = Scale,
            Runs = Runs,
            Seed = Seed,
            Budget = Budget,
            Fit = Fit,
            By = By,
            SkipInvalid = SkipInvalid,
            MigrateTo = MigrateTo,
            NoMigrate = NoMigrate,
        });
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var query = settings.ToQuery();
        FieldFlags.ThrowIfAny(query.Validate(withTrace: settings.Trace is not null));
        var catalog = CatalogSource.Load(environment, settings);
        ProjectResult project;
        if (settings.Trace is { } trace)
        {
            // The one place project opens its trace; the service reads it once.
            using var reader = Core.Ingest.UsageFormats.Open(trace, catalog, query.ToTraceOptions(catalog), new TraceRejections());
            project = ProjectService.Run(query, catalog, reader, environment.Clock());
        }
        else
        {
            project = ProjectService.Run(query, catalog, trace: null, environment.Clock());
        }

        Warnings.Print(environment, project.ModelWarnings);
        if (settings.Csv is { } csv)
        {
            File.WriteAllText(csv, ProjectionCsv.ToCsv(project), new System.Text.UTF8Encoding(false));
        }

        if (settings.Chart is { } chart)
        {
            // Drawn by the web's FanChart (shared with the projection page) from the same record.
            FanChart.Write(chart, project);
        }

        if (settings.Json)
        {
            PlannerJson.Write(environment.Out, project, PlannerJson.Context.ProjectResult);
            return ExitCodes.Success;
        }

        Render(environment.Console, project);
        return ExitCodes.Success;
    }

    /// <summary>The tables of a projection result: per model, the months, the horizon, the tiers, the saving; then the
    /// trace's groups, the warnings and the assumptions.</summary>
    internal static void Render(IAnsiConsole console, ProjectResult result)
    {
        bool exact = result.Exact;
        string how = exact ? "exact (no spread: mean = P10 = P50 = P90 = P99)" : $"Monte Carlo, {result.Runs:N0} runs, seed {result.Seed}; figures rounded (JSON and CSV to the cent)";
        console.MarkupLineInterpolated($"[bold]Projection[/] of {result.Source}: {result.MonthCount} month(s), growth {Format.Number(result.GrowthPercent)}%/month; {how}");
        var targets = result.Targets;
        foreach (var target in targets)
        {
            if (targets.Count > 1)
            {
                console.MarkupLineInterpolated($"[bold]On {target.Model}[/]");
            }

            // Exact figures need one money column (mean = P10 = ... = P99); Monte Carlo needs five, kept within 80 characters.
            string[] money = exact ? ["Cost"] : ["Mean", "P10", "P50", "P90", "P99"];
            var table = new Table().Border(TableBorder.Minimal);
            foreach (string name in (string[])["Month", result.Unit == "calls" ? "Calls" : "Requests", .. money, .. result.BudgetUsd is null ? Array.Empty<string>() : ["P(>budget)"]])
            {
                table.AddColumn(new TableColumn(name).RightAligned().PadLeft(1).PadRight(0));
            }

            table.AddColumn(new TableColumn("Tier").PadLeft(1).PadRight(0));
            foreach (var month in target.Months)
            {
                var row = new List<string> { month.Month.ToString(CultureInfo.InvariantCulture), Format.Number(month.ExpectedRequests, 0) };
                row.AddRange(exact
                    ? [Money(month.MeanUsd, exact: true)]
                    : [Money(month.MeanUsd, false), Money(month.P10Usd, false), Money(month.P50Usd, false), Money(month.P90Usd, false), Money(month.P99Usd, false)]);
                if (month.PExceedBudget is { } p)
                {
                    row.Add(Format.Number((decimal)p * 100, 1) + "%");
                }

                row.Add(month.OrganizationTier.TierName ?? "none");
                table.AddRow(row.Select(Markup.Escape).ToArray());
            }

            console.Write(table);
            var total = target.Total;
            string span = total.Months == 1 ? "Month 1" : $"Months 1-{total.Months}";
            if (exact)
            {
                console.MarkupLineInterpolated($"[bold]{span} in all: {Money(total.MeanUsd, exact: true)}[/]");
            }
            else
            {
                console.MarkupLineInterpolated(
                    $"[bold]{span} in all: mean {Money(total.MeanUsd, false)}[/] (P10 {Money(total.P10Usd, false)}, P50 {Money(total.P50Usd, false)}, P90 {Money(total.P90Usd, false)}, P99 {Money(total.P99Usd, false)}; each run's months summed)");
            }
            var last = target.Months[^1];
            foreach (var need in last.Tiers)
            {
                string limit = need.MonthlyUsageLimitUsd is { } l ? $", monthly usage limit {Format.Usd(l)}" : "";
                console.MarkupLineInterpolated($"Month {last.Month} on {need.Model}: peak {Format.Count(need.PeakRpm)} RPM and {Format.Count(need.PeakTpm)} TPM, spend {Money(need.SpendUsd, exact)} -> {need.TierName ?? "beyond the highest tier"}{limit}");
            }

            if (last.OrganizationTier.Headline is { } headline)
            {
                console.MarkupLineInterpolated($"Month {last.Month}, the organization (every model's peak and the whole spend {Money(last.OrganizationTier.SpendUsd, exact)}): {headline}");
            }

            if (target.Saving is { Count: > 0 } savings)
            {
                var saving = savings[^1];
                console.MarkupLineInterpolated($"Saving against {targets[0].Model} in month {saving.Month}: {Money(saving.MeanUsd, exact)} (80% interval {Money(saving.P10Usd, exact)} to {Money(saving.P90Usd, exact)})");
            }
        }

        foreach (var warning in result.ProjectionWarnings)
        {
            console.MarkupLineInterpolated($"[yellow]Warning ({warning.Key}):[/] {warning.Message}");
        }

        Assumptions.Render(console, result.Assumptions);
        if (result.By is { } groups)
        {
            // Exact figures of the trace as read, never a projection split by share (a Monte Carlo run cannot be split honestly).
            console.MarkupLineInterpolated($"The trace by {groups.Field}, as read (exact; the projection above is of the whole trace):");
            TraceReport.RenderGroups(console, groups, result.ByTotal!);
        }

        foreach (var warning in result.LifecycleWarnings)
        {
            console.MarkupLineInterpolated($"[yellow]Warning[/] ({warning.Key}): {warning.Message}");
        }
    }

    /// <summary>The exact amount when exact ("$1,306.80", more decimals where the exact figure has them); Monte Carlo figures of $1,000 or more to the dollar
    /// (the JSON and CSV keep cents), smaller ones to the cent.</summary>
    private static string Money(Usd amount, bool exact) =>
        exact ? (Math.Round(amount.Value, 2) == amount.Value ? Format.UsdCents(amount) : Format.Usd(amount))
        : Math.Abs(amount.Value) >= 1_000m ? Format.Usd(Usd.FromDollars(Math.Round(amount.Value, 0, MidpointRounding.AwayFromZero)))
        : Format.UsdCents(amount);
}
