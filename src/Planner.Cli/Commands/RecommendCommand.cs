using System.ComponentModel;
using Planner.Cli.Rendering;
using Planner.Core.Simulation;
using Planner.Core.Traces;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Planner.Cli.Commands;

/// <summary><c>planner recommend TRACE</c>: simulates every tier and returns the lowest that meets the objectives.</summary>
public sealed class RecommendCommand(CliEnvironment environment) : Command<RecommendCommand.Settings>
{
    public sealed class Settings : SimulationSettings
    {
        [CommandOption("--max-p99-delay <S>")]
        [Description("Under queue: the p99 queue delay a tier may have, in seconds. The default value is 1.")]
        [DefaultValue(1.0)]
        public double MaxP99Delay { get; init; } = 1;

        [CommandOption("--max-throttle-rate <F>")]
        [Description("Under retry: the fraction of requests a tier may throttle (none may be dropped). The default value is 0.01.")]
        [DefaultValue(SimulationDefaults.MaxThrottleRate)]
        public double MaxThrottleRate { get; init; } = SimulationDefaults.MaxThrottleRate;

        public override ValidationResult Validate()
        {
            if (!double.IsFinite(MaxP99Delay) || MaxP99Delay < 0 || MaxP99Delay > 1e9)
            {
                return ValidationResult.Error($"--max-p99-delay must be a number of seconds >= 0, got {MaxP99Delay}");
            }

            return MaxThrottleRate is >= 0 and <= 1 ? base.Validate() : ValidationResult.Error($"--max-throttle-rate must be in [0, 1], got {MaxThrottleRate}");
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var catalog = CatalogSource.Load(environment, settings);
        var options = settings.ToTraceOptions(catalog, forSimulation: true, today: environment.Clock());
        var simulation = settings.ToOptions("1");
        var objectives = new RecommendObjectives { MaxP99Delay = TimeSpan.FromSeconds(settings.MaxP99Delay), MaxThrottleRate = settings.MaxThrottleRate };
        var rejections = new TraceRejections();
        using var reader = settings.OpenReader(environment, catalog, options, rejections);
        var recommendation = TraceProgress.Run(environment, reader, progress => TierRecommender.Recommend(reader, catalog, simulation, objectives, progress));
        var assumptions = SimulationReport.AddAssumptions(TraceReport.AudioAssumptions(reader, options, catalog), simulation);
        var warnings = new Warnings().ForTrace(catalog, recommendation.Costs);
        warnings.Print(environment);
        string onLimit = simulation.OnLimit == OnLimit.Queue ? "queue" : "retry";

        if (settings.Json)
        {
            JsonOutput.Write(environment.Out, w =>
            {
                w.WriteStartObject();
                TraceReport.WriteRowsJson(w, settings.Trace, reader.RowsRead, rejections);
                w.WriteString("on_limit", onLimit);
                w.WriteStartObject("objectives");
                if (simulation.OnLimit == OnLimit.Queue)
                {
                    w.WriteNumber("max_p99_delay_seconds", settings.MaxP99Delay);
                }
                else
                {
                    w.WriteNumber("max_throttle_rate", settings.MaxThrottleRate);
                    w.WriteNumber("max_dropped", 0);
                }

                w.WriteEndObject();
                if (recommendation.Recommended is { } tier)
                {
                    w.WriteString("recommended_tier", tier.Name);
                    w.WriteNull("reason");
                }
                else
                {
                    w.WriteNull("recommended_tier");
                    w.WriteString("reason", recommendation.NoTierReason);
                }

                if (recommendation.MonthlyProjection is { } month)
                {
                    w.WriteUsd("monthly_projection_usd", month);
                }
                else
                {
                    w.WriteNull("monthly_projection_usd");
                }

                if (recommendation.Recommended is { } chosen)
                {
                    w.WriteUsd("recommended_tier_monthly_usage_limit_usd", chosen.MonthlyUsageLimit);
                }

                if (recommendation.FitsMonthlyLimit is { } fits)
                {
                    w.WriteBoolean("fits_monthly_usage_limit", fits);
                }
                else
                {
                    w.WriteNull("fits_monthly_usage_limit");
                }

                if (recommendation.MonthlyLimitTier is { } limitTier)
                {
                    w.WriteString("monthly_usage_limit_tier", limitTier.Name);
                }
                else
                {
                    w.WriteNull("monthly_usage_limit_tier");
                }

                w.WriteUsd("total_usd", recommendation.Costs.Totals.Total);
                w.WriteStartArray("tiers");
                foreach (var outcome in recommendation.Tiers)
                {
                    var r = outcome.Result;
                    w.WriteStartObject();
                    w.WriteString("tier", r.Tier);
                    w.WriteBoolean("meets_objectives", outcome.MeetsObjectives);
                    w.WriteString("reason", outcome.Reason);
                    if (r.Unsupported is null)
                    {
                        w.WriteNumber("completed", r.Completed);
                        w.WriteNumber("dropped", r.Dropped);
                        w.WriteNumber("rejected", r.Rejected);
                        w.WriteNumber("throttled_requests", r.ThrottledRequests);
                        w.WriteNumber("throttle_rate", r.ThrottleRate);
                        w.WriteNumber("queue_delay_p99_seconds", r.QueueDelay.Percentile(0.99).TotalSeconds);
                        w.WriteNumber("queue_delay_max_seconds", r.QueueDelay.Max.TotalSeconds);
                        w.WriteNumber("peak_concurrency", r.PeakConcurrency);
                    }

                    w.WriteEndObject();
                }

                w.WriteEndArray();
                warnings.WriteJson(w);
                assumptions.WriteJson(w);
                w.WriteEndObject();
            });
            return ExitCodes.Success;
        }

        var console = environment.Console;
        TraceReport.RenderRows(console, reader.RowsRead, rejections);
        var table = new Table().Border(TableBorder.Rounded).Title($"Every tier, on limit: {onLimit}")
            .AddColumn("Tier").AddColumn(new TableColumn("Completed").RightAligned()).AddColumn(new TableColumn("Dropped").RightAligned())
            .AddColumn(new TableColumn("Throttled").RightAligned()).AddColumn(new TableColumn("p99 delay (s)").RightAligned())
            .AddColumn(new TableColumn("Max delay (s)").RightAligned()).AddColumn("Meets?");
        foreach (var outcome in recommendation.Tiers)
        {
            var r = outcome.Result;
            bool runs = r.Unsupported is null;
            table.AddRow(r.Tier, runs ? Format.Count(r.Completed) : "-", runs ? Format.Count(r.Dropped) : "-",
                runs ? $"{Format.Count(r.ThrottledRequests)} ({Format.Number((decimal)r.ThrottleRate * 100, 2)}%)" : "-",
                runs ? TraceReport.Seconds(r.QueueDelay.Percentile(0.99)) : "-", runs ? TraceReport.Seconds(r.QueueDelay.Max) : "-",
                outcome.MeetsObjectives ? "[green]yes[/]" : "no");
        }

        console.Write(table);

        // The reasons are sentences: under the table, one a tier, they wrap as prose instead of squeezing seven number columns.
        foreach (var outcome in recommendation.Tiers)
        {
            console.MarkupLineInterpolated($"{outcome.Result.Tier}: {outcome.Reason}");
        }

        if (recommendation.Recommended is { } recommended)
        {
            console.MarkupLineInterpolated($"[bold]Recommended: {recommendation.Choice.Headline}[/]");
            console.MarkupLineInterpolated($"{recommended.DisplayName} qualification: {recommended.Qualification}");
        }
        else
        {
            console.MarkupLineInterpolated($"[bold]No tier suffices[/]: {recommendation.NoTierReason}");
        }

        if (recommendation.MonthlyProjection is { } projection)
        {
            string fit = recommendation.FitsMonthlyLimit switch
            {
                true => $"fits under {recommendation.Recommended!.DisplayName}'s monthly usage limit of {Format.UsdCents(recommendation.Recommended.MonthlyUsageLimit)}",
                false => $"exceeds {recommendation.Recommended!.DisplayName}'s monthly usage limit of {Format.UsdCents(recommendation.Recommended.MonthlyUsageLimit)}",
                null => "",
            };
            string where = recommendation.MonthlyLimitTier is { } lt ? $"; the lowest tier whose limit it fits under is {lt.DisplayName} ({Format.UsdCents(lt.MonthlyUsageLimit)})" : "; it fits under no tier's monthly usage limit";
            string spend = $"Projected 30-day spend {Format.UsdCents(projection)}";
            console.MarkupLineInterpolated($"{spend}{(fit.Length > 0 ? " " + fit : "")}{where}");
        }

        assumptions.Render(console);
        return ExitCodes.Success;
    }
}
