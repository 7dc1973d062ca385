using System.Globalization;
using Planner.Core.Calls;
using Planner.Core.Catalog;
using Planner.Core.Projection;
using Planner.Core.Units;

namespace Planner.Core.Migration;

/// <summary>Projects a workload on its current model and on each candidate, month by month.</summary>
public static class MigrationPlanner
{
    /// <summary>The default candidates: OpenAI's recommended replacement, then the cheapest active model of the same API
    /// and of the other API (cheapest for this workload's first month), each once, never the current model.</summary>
    /// <param name="catalog">Every model.</param>
    /// <param name="from">The current model.</param>
    /// <param name="day">The day the candidates must be active on (the start of the horizon).</param>
    /// <param name="monthCost">The workload's first-month cost on a model, or null where it cannot run there (a cap broken).</param>
    public static IReadOnlyList<(ResolvedModel Model, string Why)> DefaultCandidates(ModelCatalog catalog, ResolvedModel from, DateOnly day, Func<ResolvedModel, Usd?> monthCost)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(monthCost);
        var list = new List<(ResolvedModel, string)>();
        if (from.Replacement is { } replacement && catalog.TryResolve(replacement, out var recommended))
        {
            list.Add((recommended, "OpenAI's recommended replacement"));
        }

        foreach (var api in new[] { from.Model.Api, from.Model.Api == ModelApi.Realtime ? ModelApi.ChatCompletions : ModelApi.Realtime })
        {
            (ResolvedModel Model, Usd Cost)? cheapest = null;
            foreach (var spec in catalog.Models)
            {
                var model = catalog.Resolve(spec.Id);
                if (spec.Api != api || spec.Id == from.Model.Id || model.StatusAt(day) != LifecycleStatus.Active || !CarriesAudio(spec))
                {
                    continue;
                }

                if (monthCost(model) is { } cost && (cheapest is null || cost < cheapest.Value.Cost))
                {
                    cheapest = (model, cost);
                }
            }

            if (cheapest is { } c)
            {
                string why = $"cheapest active {(api == ModelApi.Realtime ? "Realtime" : "Chat Completions")} model for this workload";
                int existing = list.FindIndex(x => x.Item1.Model.Id == c.Model.Model.Id);
                if (existing >= 0)
                {
                    list[existing] = (list[existing].Item1, list[existing].Item2 + "; " + why);
                }
                else
                {
                    list.Add((c.Model, why));
                }
            }
        }

        return list;
    }

    /// <summary>Compares the workload on <paramref name="from"/> with each candidate.</summary>
    /// <param name="from">The current model.</param>
    /// <param name="candidates">The models to move to, each with why.</param>
    /// <param name="workloadOn">The workload as it runs on a model (a call bills differently on each API; requests keep their tokens).</param>
    /// <param name="options">Projection options (months, runs, seed, growth).</param>
    /// <param name="calendar">The horizon's calendar.</param>
    /// <param name="pricesAt">The instant whose prices apply.</param>
    public static MigrationReport Compare(ResolvedModel from, IReadOnlyList<(ResolvedModel Model, string Why)> candidates, Func<ResolvedModel, Workload> workloadOn,
        ProjectionOptions options, ProjectionCalendar calendar, DateTimeOffset pricesAt)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(workloadOn);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(calendar);
        var before = Projector.Project(workloadOn(from), [ProjectionTarget.AsGiven], options, pricesAt);
        var beforeMonths = before.Targets[0].Months;
        var warnings = new List<PlannerWarning>();
        if (from.Shutdown is { } shutdown)
        {
            warnings.Add(new PlannerWarning("model_deprecated",
                $"{from.BillingId} shuts down on {Date(shutdown)}: move before that day" + (from.Replacement is { } r ? $"; OpenAI recommends {r}" : "")));
        }

        var (currentTier, _) = HighestTier(beforeMonths, from.Model);
        var list = new List<MigrationCandidate>();
        foreach (var (model, why) in candidates)
        {
            var after = Projector.Project(workloadOn(model), [ProjectionTarget.AsGiven], options, pricesAt).Targets[0].Months;
            var months = new List<MigrationMonth>();
            for (int i = 0; i < after.Count; i++)
            {
                bool shut = from.Shutdown is { } s && s < calendar.EndExclusive(i + 1);
                months.Add(new MigrationMonth(i + 1, beforeMonths[i].Mean, after[i].Mean, shut));
            }

            var (tier, month) = HighestTier(after, model.Model);
            list.Add(new MigrationCandidate(model, why, months, tier, month));
            foreach (var w in UsageLimitWarnings.For(model.Model, [.. after.Select(m => (m.Month, m.OrganizationSpend))]))
            {
                warnings.Add(w with { Message = model.BillingId + ", " + w.Message });
            }
        }

        return new MigrationReport(from, calendar, from.Shutdown, before.IsExact, currentTier, list, warnings);
    }

    /// <summary>The highest tier any month needs (by its place on the ladder), or null with the first month none covers.</summary>
    private static (UsageTier? Tier, int Month) HighestTier(IReadOnlyList<MonthProjection> months, ModelSpec model)
    {
        var ladder = TierWalk.Of(model);
        UsageTier? highest = null;
        int at = 0;
        int rank = -1;
        foreach (var month in months)
        {
            if (month.OrganizationTier is not { } tier)
            {
                return (null, month.Month);
            }

            int position = -1;
            for (int i = 0; i < ladder.Count; i++)
            {
                position = ladder[i].Name == tier.Name ? i : position;
            }

            if (position > rank)
            {
                rank = position;
                highest = tier;
                at = month.Month;
            }
        }

        return (highest, at);
    }

    private static bool CarriesAudio(ModelSpec spec) =>
        !spec.Modalities.TryGetValue("audio", out var audio) || audio == "input_output";

    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
