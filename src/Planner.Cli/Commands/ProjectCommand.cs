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
using Planner.Core.Catalog;
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
            // Which form the options make (a trace, a request shape, calls) is checked here; every field's value by ProjectQuery in Execute.
            if (By is not null && Trace is null)
            {
                return ValidationResult.Error("--by groups a trace's costs; give it with --trace");
            }

            bool shape = TextIn != 0 || CachedIn != 0 || AudioIn is not null || AudioInSeconds is not null || TextOut != 0 || AudioOut is not null || AudioOutSeconds is not null;
            if (Trace is not null)
            {
                if (shape || RequestsPerDay is not null)
                {
                    return ValidationResult.Error("give --trace or a request shape with --requests-per-day, not both");
                }
            }
            else
            {
                if (string.IsNullOrWhiteSpace(Model) && string.IsNullOrWhiteSpace(CompareModels))
                {
                    return ValidationResult.Error("--model is required (or --trace), e.g. --model gpt-audio-mini --requests-per-day 1000");
                }

                if (RequestsPerDay is null && CallsPerDay is null)
                {
                    return ValidationResult.Error("--requests-per-day is required without --trace, e.g. --requests-per-day 1000");
                }

                if (Fit is not null || SkipInvalid)
                {
                    return ValidationResult.Error("--fit and --skip-invalid apply only with --trace");
                }
            }

            if (Chart is not null && !Chart.EndsWith(".png", StringComparison.OrdinalIgnoreCase))
            {
                return ValidationResult.Error($"--chart must name a .png file, got '{Chart}'");
            }

            var calls = ValidateCallsAndStart(RequestsPerDay is not null, Trace is not null, CompareModels is not null);
            return calls.Successful ? base.Validate() : calls;
        }

        /// <summary>The command line as a query (the trace and call-shape options stay the command's).</summary>
        public ProjectQuery ToQuery() => WithShape(new ProjectQuery
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
            Start = Start,
        });
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var query = settings.ToQuery();
        FieldFlags.ThrowIfAny(query.Validate());
        var options = query.ToOptions();
        var catalog = CatalogSource.Load(environment, settings);
        var compare = CliParse.List(settings.CompareModels).Select(catalog.Resolve).ToList();
        var assumptions = new Assumptions();
        Workload workload;
        string source;
        TraceGroups? groups = null;
        if (settings.Trace is { } trace)
        {
            (workload, source, groups) = Learn(catalog, settings, trace, assumptions);
        }
        else if (settings.IsCallUnit)
        {
            var model = catalog.Resolve(settings.Model!);
            (workload, source) = CallWorkload.Build(model, settings.Rates(catalog.RatesFor(model.Model)), settings, settings.Instant(environment.Clock), assumptions);
        }
        else
        {
            var model = catalog.Resolve(string.IsNullOrWhiteSpace(settings.Model) ? compare[0].RequestedName : settings.Model);
            var rates = settings.Rates(catalog.RatesFor(model.Model));
            var shape = settings.ToShape();
            var usage = shape.ToUsage(rates);
            Core.Pricing.RequestCaps.Ensure(model.Model, usage);
            workload = Workload.FromShape(model, usage, settings.RequestsPerDay!.Value, settings.RequestsPerDaySd);
            assumptions.AddAudioRates(rates, shape.UsesAudioRates).AddCachedFallbacks(model.BillingId, Core.Pricing.PricingEngine.PricesAt(model, settings.Instant(environment.Clock)), usage);
            source = $"{model.BillingId}, {Format.Number(settings.RequestsPerDay.Value, 3)} requests/day";
        }

        var lifecycle = ProjectLifecycle.Apply(catalog, settings, workload, options.Months, environment.Clock);
        workload = lifecycle.Workload;
        source = lifecycle.Label(source);
        var targets = Targets(workload, compare, baselineGiven: settings.Trace is not null || !string.IsNullOrWhiteSpace(settings.Model));
        var start = settings.Instant(environment.Clock);
        var result = Projector.Project(workload, targets, options, start);
        var modelWarnings = new WarningList();
        foreach (var used in workload.Streams.Select(s => s.Model).Concat(compare))
        {
            modelWarnings.For(used, start);
        }

        var project = ProjectService.FromProjection(result, source, settings.IsCallUnit, assumptions.List, modelWarnings.Warnings, lifecycle.Warnings(result),
            groups is null ? null : GroupsResult.From(groups.Field, groups.Costs),
            groups is null ? null : new TracePricedResult { RequestsBilled = groups.Total.Requests, TotalUsd = groups.Total.Total });
        Warnings.Print(environment, project.ModelWarnings);
        if (settings.Csv is { } csv)
        {
            File.WriteAllText(csv, ProjectionCsv.ToCsv(project), new System.Text.UTF8Encoding(false));
        }

        if (settings.Chart is { } chart)
        {
            // The chart is drawn by the web's FanChart (shared with the projection page), from Core's projection for now.
            FanChart.Write(chart, result, project.Source);
        }

        if (settings.Json)
        {
            PlannerJson.Write(environment.Out, project, PlannerJson.Context.ProjectResult);
            return ExitCodes.Success;
        }

        Render(environment.Console, project);
        return ExitCodes.Success;
    }

    /// <summary>What the projection is priced on. The baseline (the trace as given, or --model) always comes first, so
    /// its name heads its own figures; --compare-models adds the others (a repeat of the baseline is not added twice).
    /// Without --model the first compared model is the baseline.</summary>
    private static List<ProjectionTarget> Targets(Workload workload, List<ResolvedModel> compare, bool baselineGiven)
    {
        if (compare.Count == 0)
        {
            return [ProjectionTarget.AsGiven];
        }

        var targets = new List<ProjectionTarget>();
        if (baselineGiven)
        {
            var models = workload.Streams.Select(s => s.Model.Model.Id).Distinct().ToList();
            targets.Add(models.Count == 1 ? ProjectionTarget.On(workload.Streams[0].Model) : ProjectionTarget.AsGiven);
        }

        foreach (var model in compare)
        {
            if (!targets.Any(t => t.Name == model.Model.Id))
            {
                targets.Add(ProjectionTarget.On(model));
            }
        }

        return targets;
    }

    private static (Workload, string, TraceGroups?) Learn(ModelCatalog catalog, Settings settings, string trace, Assumptions assumptions)
    {
        var overrides = settings.AudioInRate is null && settings.AudioOutRate is null ? null : settings.Rates(catalog.AudioTokenRates);
        var rejections = new TraceRejections();
        var learner = new WorkloadLearner(seed: settings.Seed);
        var costs = new TraceCosts();
        TraceGroups? groups;
        using (var reader = Core.Ingest.UsageFormats.Open(trace, catalog, new TraceOptions { SkipInvalid = settings.SkipInvalid, AudioTokenRates = overrides, RequireRequests = true }, rejections))
        {
            ITraceSink sink = settings.By is { } by ? new GroupedCosts(reader, PriceCommand.Settings.GroupBy(by)!.Value, costs) : costs;
            while (reader.TryRead(out var request))
            {
                learner.Observe(request);
                sink.Add(request);
            }

            groups = sink is GroupedCosts grouped ? new TraceGroups(settings.By!, grouped, costs.Totals) : null;
        }

        if (overrides is not null)
        {
            assumptions.AddAudioRates(overrides, used: true);
        }

        if (rejections.Count > 0)
        {
            assumptions.Add("skipped_rows", rejections.Count.ToString("N0", CultureInfo.InvariantCulture), "rows of the trace rejected with --skip-invalid and left out of the workload");
        }

        var fit = settings.Fit == "lognormal" ? UsageFit.LogNormal : UsageFit.Resample;
        return (learner.Learn(fit), $"{Path.GetFileName(trace)} ({learner.Count:N0} requests)", groups);
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
