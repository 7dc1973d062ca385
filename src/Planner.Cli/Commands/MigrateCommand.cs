using System.ComponentModel;
using System.Globalization;
using Planner.Cli.Infrastructure;
using Planner.Cli.Rendering;
using Planner.Contract.Json;
using Planner.Contract.Queries;
using Planner.Contract.Results;
using Planner.Contract.Services;
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
            // The workload form names the trace file (a CLI option, not a field); the rest are the query's checks.
            var query = ToQuery();
            var problems = new List<string>();
            int forms = (Trace is not null ? 1 : 0) + (CallsPerDay is not null ? 1 : 0) + (RequestsPerDay is not null ? 1 : 0);
            if (forms != 1)
            {
                problems.Add("give one workload: --trace FILE, a call shape with --calls-per-day, or a request shape with --requests-per-day");
            }

            problems.AddRange(query.MoveErrors(withTrace: Trace is not null).Select(FieldFlags.Message));
            if (problems.Count > 0)
            {
                return ValidationResult.Error(string.Join("; ", problems));
            }

            var calls = ValidateCallsAndStart(RequestsPerDay is not null, Trace is not null, compareGiven: false);
            return calls.Successful ? base.Validate() : calls;
        }

        /// <summary>The command line as a query (the trace is opened beside it).</summary>
        public MigrateQuery ToQuery() => WithVolume(new MigrateQuery
        {
            FromModel = From,
            ToModels = To,
            RequestsPerDay = RequestsPerDay,
            RequestsPerDaySd = RequestsPerDaySd,
            Months = Months,
            Growth = Growth,
            Runs = Runs,
            Seed = Seed,
            SkipInvalid = SkipInvalid,
        });
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var query = settings.ToQuery();
        FieldFlags.ThrowIfAny(query.Validate(withTrace: settings.Trace is not null));
        var catalog = CatalogSource.Load(environment, settings);
        MigrateResult result;
        if (settings.Trace is { } trace)
        {
            using var reader = Core.Ingest.UsageFormats.Open(trace, catalog, MigrateService.ToTraceOptions(query, catalog), new TraceRejections());
            result = MigrateService.Run(query, catalog, reader, environment.Clock());
        }
        else
        {
            result = MigrateService.Run(query, catalog, trace: null, environment.Clock());
        }

        if (settings.Json)
        {
            PlannerJson.Write(environment.Out, result, PlannerJson.Context.MigrateResult);
            return ExitCodes.Success;
        }

        Render(environment.Console, result);
        return ExitCodes.Success;
    }

    /// <summary>The tables of a migration result: per candidate, its months before and after; then warnings and assumptions.</summary>
    internal static void Render(IAnsiConsole console, MigrateResult report)
    {
        console.MarkupLineInterpolated($"[bold]Migration[/] of {report.Source}: {report.Months} month(s) from {Date(report.Start)}; {(report.Exact ? "exact" : "Monte Carlo means")}");
        console.MarkupLine(report.MoveBefore is { } by
            ? $"{Markup.Escape(report.From)} shuts down on [bold]{Date(by)}[/]: move before that day. Today it needs {TierText(report.CurrentTierDetail)}."
            : $"{Markup.Escape(report.From)} has no shutdown announced. It needs {TierText(report.CurrentTierDetail)}.");
        foreach (var candidate in report.Candidates)
        {
            string api = candidate.Api == "realtime" ? "Realtime" : "Chat Completions";
            console.MarkupLineInterpolated($"[bold]-> {candidate.Model}[/] ({api}; {candidate.Why}): needs {TierText(candidate.TierDetail)}");
            var table = new Table().Border(TableBorder.Minimal);
            foreach (string name in (string[])["Month", "Before", "After", "Change", "%"])
            {
                table.AddColumn(new TableColumn(name).RightAligned().PadLeft(1).PadRight(0));
            }

            foreach (var month in candidate.Months)
            {
                table.AddRow(month.Month.ToString(CultureInfo.InvariantCulture) + (month.CurrentShutDown ? "*" : ""), Money(month.BeforeUsd), Money(month.AfterUsd),
                    Money(month.ChangeUsd), month.ChangePercent is { } p ? Format.Percent(p) : "-");
            }

            var change = candidate.TotalChangeUsd;
            table.AddRow("All", Money(candidate.TotalBeforeUsd), Money(candidate.TotalAfterUsd), Money(change),
                candidate.TotalBeforeUsd == Usd.Zero ? "-" : Format.Percent(Math.Round(change.Value / candidate.TotalBeforeUsd.Value * 100m, 2)));
            console.Write(table);
        }

        if (report.Candidates.Any(c => c.Months.Any(m => m.CurrentShutDown)))
        {
            console.MarkupLine("* the current model is shut down for all or part of the month: 'before' is what it would have cost");
        }

        CallView.RenderWarnings(console, report.Warnings);
        Assumptions.Render(console, report.Assumptions);
    }

    private static string TierText(MigrateTier? tier) => tier is null ? "more than any self-serve tier" : $"{tier.DisplayName} ({Format.Usd(tier.MonthlyUsageLimitUsd)}/month)";

    private static string Money(Usd amount) => Format.UsdCents(amount);

    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
