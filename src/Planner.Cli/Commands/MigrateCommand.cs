using System.ComponentModel;
using System.Globalization;
using Planner.Cli.Rendering;
using Planner.Core;
using Planner.Core.Catalog;
using Planner.Core.Migration;
using Planner.Core.Pricing;
using Planner.Core.Projection;
using Planner.Core.Traces;
using Planner.Core.Units;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Planner.Cli.Commands;

/// <summary><c>planner migrate</c>: a workload's cost per month on its current model and after moving to each candidate,
/// the change, the tier each needs and the date by which the move must happen.</summary>
public sealed class MigrateCommand(CliEnvironment environment) : Command<MigrateCommand.Settings>
{
    public sealed class Settings : CallVolumeSettings
    {
        [CommandOption("--trace <TRACE>")]
        [Description("The workload as a CSV trace: each row moves to the candidate with its own tokens.")]
        public string? Trace { get; init; }

        [CommandOption("--skip-invalid")]
        [Description("With --trace: skip bad rows (counted) instead of stopping at the first.")]
        public bool SkipInvalid { get; init; }

        [CommandOption("--from <MODEL>")]
        [Description("The model the workload runs on now. Required with a shape; with --trace, the default is the trace's one model.")]
        public string? From { get; init; }

        [CommandOption("--to <A,B>")]
        [Description("Candidates to move to. The default value is the recommended replacement and the cheapest active model of each API.")]
        public string? To { get; init; }

        [CommandOption("--requests-per-day <R>")]
        [Description("With a request shape: mean requests a day.")]
        public decimal? RequestsPerDay { get; init; }

        [CommandOption("--requests-per-day-sd <SD>")]
        [Description("Standard deviation of a day's requests. The default value is 0.")]
        public decimal RequestsPerDaySd { get; init; }

        [CommandOption("--months <K>")]
        [Description("Months to compare. The default value is 12.")]
        public int Months { get; init; } = ProjectionDefaults.Months;

        [CommandOption("--growth <PCT>")]
        [Description("Monthly traffic growth in percent. The default value is 0.")]
        public decimal Growth { get; init; } = ProjectionDefaults.GrowthPercent;

        [CommandOption("--runs <N>")]
        [Description("Monte Carlo runs where the workload has a spread. The default value is 10,000.")]
        public int Runs { get; init; } = ProjectionDefaults.Runs;

        [CommandOption("--seed <S>")]
        [Description("Random seed. The default value is 1.")]
        public int Seed { get; init; } = ProjectionDefaults.Seed;

        public override ValidationResult Validate()
        {
            var problems = new List<string>();
            int forms = (Trace is not null ? 1 : 0) + (CallsPerDay is not null ? 1 : 0) + (RequestsPerDay is not null ? 1 : 0);
            if (forms != 1)
            {
                problems.Add("give one workload: --trace FILE, a call shape with --calls-per-day, or a request shape with --requests-per-day");
            }

            if (Trace is null && string.IsNullOrWhiteSpace(From))
            {
                problems.Add("--from is required with a shape, e.g. --from gpt-audio-mini");
            }

            if (RequestsPerDay is < 0m || RequestsPerDaySd < 0m)
            {
                problems.Add("--requests-per-day and --requests-per-day-sd must be >= 0");
            }

            if (RequestsPerDay is not null && IsCall)
            {
                problems.Add("--requests-per-day takes a request shape (--audio-in-seconds, ...); a call shape takes --calls-per-day");
            }

            if (To is not null && CliParse.List(To).Count == 0)
            {
                problems.Add($"--to must name at least one model, got '{To}'");
            }

            if (problems.Count > 0)
            {
                return ValidationResult.Error(string.Join("; ", problems));
            }

            var calls = ValidateCallsAndStart(RequestsPerDay is not null, Trace is not null, compareGiven: false);
            return calls.Successful ? base.Validate() : calls;
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var options = new ProjectionOptions { Months = settings.Months, Runs = settings.Runs, Seed = settings.Seed, GrowthPercent = settings.Growth }.Validate();
        var catalog = CatalogSource.Load(environment, settings);
        var at = settings.Instant(environment.Clock);
        var calendar = new ProjectionCalendar(settings.StartDay(environment.Clock), settings.Months);
        var assumptions = new Assumptions();
        var (from, workloadOn, source) = Workload(catalog, settings, at, assumptions);
        var candidates = settings.To is { } to
            ? CliParse.List(to).Select(name => (catalog.Resolve(name), "given")).ToList()
            : MigrationPlanner.DefaultCandidates(catalog, from, calendar.Start, model => FirstMonth(workloadOn, model, options, at));
        if (candidates.Count == 0)
        {
            throw new PlannerException(PlannerErrorKind.InvalidArgument, $"no model to compare {from.BillingId} with: name candidates with --to");
        }

        var report = MigrationPlanner.Compare(from, candidates, workloadOn, options, calendar, at);
        assumptions.Add("before", "the current model as if it kept running", "after its shutdown the 'before' figures are what it would have cost; the move must happen before it")
            .Add("months", "calendar months from the start", "each month's traffic is 30 days of the workload (as in project); the start is --start, else today")
            .Add("tiers", "the scheme in each model's tier table", "the highest tier any month needs: every model's peak RPM and TPM and the month's spend within its limits");
        if (settings.Json)
        {
            WriteJson(report, source, assumptions);
            return ExitCodes.Success;
        }

        Render(report, source, assumptions);
        return ExitCodes.Success;
    }

    private static (ResolvedModel From, Func<ResolvedModel, Workload> On, string Source) Workload(ModelCatalog catalog, Settings settings, DateTimeOffset at, Assumptions assumptions)
    {
        if (settings.Trace is { } trace)
        {
            var overrides = settings.AudioInRate is null && settings.AudioOutRate is null ? null : settings.Rates(catalog.AudioTokenRates);
            var learner = new WorkloadLearner(seed: settings.Seed);
            foreach (var request in TraceFile.Read(trace, catalog, new TraceOptions { SkipInvalid = settings.SkipInvalid, AudioTokenRates = overrides }, new TraceRejections()))
            {
                learner.Observe(request);
            }

            var learned = learner.Learn(UsageFit.Resample);
            var models = learned.Streams.Select(s => s.Model.Model.Id).Distinct().ToList();
            var from = settings.From is { } f ? catalog.Resolve(f)
                : models.Count == 1 ? learned.Streams[0].Model
                : throw new PlannerException(PlannerErrorKind.InvalidArgument, $"the trace uses {models.Count} models ({string.Join(", ", models)}): name the one to move with --from");
            return (from, model => new Workload([.. learned.Streams.Select(s => s.Model.Model.Id == from.Model.Id ? s with { Model = model } : s)], learned.Notes),
                $"{Path.GetFileName(trace)} ({learner.Count:N0} requests), {from.BillingId}'s rows moved row by row");
        }

        var current = catalog.Resolve(settings.From!);
        if (settings.CallsPerDay is not null)
        {
            var first = CallWorkload.Build(current, settings.Rates(catalog.RatesFor(current.Model)), settings, at, assumptions);
            return (current, model => model.Model.Id == current.Model.Id ? first.Workload
                : CallWorkload.Build(model, settings.Rates(catalog.RatesFor(model.Model)), settings, at, new Assumptions()).Workload, first.Source);
        }

        var shape = settings.ToShape();
        assumptions.AddAudioRates(settings.Rates(catalog.AudioTokenRates), shape.UsesAudioRates);
        assumptions.Add("across_apis", "same tokens", "a Chat Completions request becomes a one-turn Realtime Response with the same audio and text");
        return (current, model =>
        {
            var usage = shape.ToUsage(settings.Rates(catalog.RatesFor(model.Model)));
            RequestCaps.Ensure(model.Model, usage);
            return Planner.Core.Projection.Workload.FromShape(model, usage, settings.RequestsPerDay!.Value, settings.RequestsPerDaySd);
        }, $"{current.BillingId}, {Format.Number(settings.RequestsPerDay!.Value, 3)} requests/day");
    }

    private static Usd? FirstMonth(Func<ResolvedModel, Workload> workloadOn, ResolvedModel model, ProjectionOptions options, DateTimeOffset at)
    {
        try
        {
            return Projector.Project(workloadOn(model), [ProjectionTarget.AsGiven], options with { Months = 1 }, at).Targets[0].Months[0].Mean;
        }
        catch (PlannerException)
        {
            return null; // the workload cannot run there (a cap broken, no price yet): not a candidate
        }
    }

    private void Render(MigrationReport report, string source, Assumptions assumptions)
    {
        var console = environment.Console;
        console.MarkupLineInterpolated($"[bold]Migration[/] of {source}: {report.Calendar.Months} month(s) from {Date(report.Calendar.Start)}; {(report.IsExact ? "exact" : "Monte Carlo means")}");
        console.MarkupLine(report.MoveBy is { } by
            ? $"{Markup.Escape(report.From.BillingId)} shuts down on [bold]{Date(by)}[/]: move before that day. Today it needs {TierText(report.CurrentTier)}."
            : $"{Markup.Escape(report.From.BillingId)} has no shutdown announced. It needs {TierText(report.CurrentTier)}.");
        foreach (var candidate in report.Candidates)
        {
            console.MarkupLineInterpolated($"[bold]-> {candidate.Model.BillingId}[/] ({CallView.ApiLabel(candidate.Model.Model.Api)}; {candidate.Why}): needs {TierText(candidate.Tier)}");
            var table = new Table().Border(TableBorder.Minimal);
            foreach (string name in (string[])["Month", "Before", "After", "Change", "%"])
            {
                table.AddColumn(new TableColumn(name).RightAligned().PadLeft(1).PadRight(0));
            }

            foreach (var month in candidate.Months)
            {
                table.AddRow(month.Month.ToString(CultureInfo.InvariantCulture) + (month.CurrentShutDown ? "*" : ""), Money(month.Before), Money(month.After),
                    Money(month.Change), month.ChangePercent is { } p ? Format.Percent(p) : "-");
            }

            var change = candidate.TotalAfter - candidate.TotalBefore;
            table.AddRow("All", Money(candidate.TotalBefore), Money(candidate.TotalAfter), Money(change),
                candidate.TotalBefore == Usd.Zero ? "-" : Format.Percent(Math.Round(change.Value / candidate.TotalBefore.Value * 100m, 2)));
            console.Write(table);
        }

        if (report.Candidates.Any(c => c.Months.Any(m => m.CurrentShutDown)))
        {
            console.MarkupLine("* the current model is shut down for all or part of the month: 'before' is what it would have cost");
        }

        CallView.RenderWarnings(console, report.Warnings);
        assumptions.Render(console);
    }

    private void WriteJson(MigrationReport report, string source, Assumptions assumptions) =>
        JsonOutput.Write(environment.Out, w =>
        {
            w.WriteStartObject();
            w.WriteString("source", source);
            w.WriteString("from", report.From.BillingId);
            w.WriteString("start", Date(report.Calendar.Start));
            w.WriteNumber("months", report.Calendar.Months);
            w.WriteBoolean("exact", report.IsExact);
            if (report.MoveBy is { } by)
            {
                w.WriteString("move_before", Date(by));
            }
            else
            {
                w.WriteNull("move_before");
            }

            WriteTier(w, "current_tier", report.CurrentTier);
            w.WriteStartArray("candidates");
            foreach (var candidate in report.Candidates)
            {
                w.WriteStartObject();
                w.WriteString("model", candidate.Model.BillingId);
                w.WriteString("api", CallView.ApiName(candidate.Model.Model.Api));
                w.WriteString("why", candidate.Why);
                WriteTier(w, "tier", candidate.Tier);
                w.WriteStartArray("months");
                foreach (var month in candidate.Months)
                {
                    w.WriteStartObject();
                    w.WriteNumber("month", month.Month);
                    w.WriteUsd("before_usd", month.Before);
                    w.WriteUsd("after_usd", month.After);
                    w.WriteUsd("change_usd", month.Change);
                    if (month.ChangePercent is { } p)
                    {
                        w.WriteDecimal("change_percent", p);
                    }
                    else
                    {
                        w.WriteNull("change_percent");
                    }

                    w.WriteBoolean("current_shut_down", month.CurrentShutDown);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteUsd("total_before_usd", candidate.TotalBefore);
                w.WriteUsd("total_after_usd", candidate.TotalAfter);
                w.WriteUsd("total_change_usd", candidate.TotalAfter - candidate.TotalBefore);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            Warnings.WriteJson(w, report.Warnings);
            assumptions.WriteJson(w);
            w.WriteEndObject();
        });

    private static void WriteTier(System.Text.Json.Utf8JsonWriter w, string name, UsageTier? tier)
    {
        if (tier is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, tier.Name);
        }
    }

    private static string TierText(UsageTier? tier) => tier is null ? "more than any self-serve tier" : $"{tier.DisplayName} ({Format.Usd(tier.MonthlyUsageLimit)}/month)";

    private static string Money(Usd amount) => Format.UsdCents(amount);

    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
