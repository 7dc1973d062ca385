using Planner.Contract.Queries;
using Planner.Contract.Results;
using Planner.Core.Calls;
using Planner.Core.Catalog;
using Planner.Core.Pricing;

namespace Planner.Contract.Services;

/// <summary>Runs <c>call</c>: plans the query's call turn by turn on its model.</summary>
public static class CallService
{
    /// <summary>The result; an unknown model or a call that cannot fit throws <see cref="Planner.Core.PlannerException"/>.</summary>
    public static CallResult Run(CallQuery query, ModelCatalog catalog, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(catalog);
        var model = catalog.Resolve(query.Model);
        var rates = query.Rates(catalog.RatesFor(model.Model));
        var at = query.Instant(now);
        var plan = CallPlanner.Plan(model, PricingEngine.PricesAt(model, at), query.ToCallShape(), query.ToCallOptions(), rates, DateOnly.FromDateTime(at.UtcDateTime));
        return From(plan, new AssumptionList().AddAudioRates(rates, used: true).AddCall(plan));
    }

    /// <summary>The result of a planned call with its assumptions.</summary>
    public static CallResult From(CallPlan plan, AssumptionList assumptions)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(assumptions);
        return new CallResult
        {
            Model = plan.ModelId,
            Api = CapacityService.ApiName(plan.Api),
            TurnCount = plan.Turns.Count,
            CallMinutes = plan.CallMinutes,
            UserAudioTokensPerTurn = plan.UserAudioTokensPerTurn.Value,
            AssistantAudioTokensPerTurn = plan.AssistantAudioTokensPerTurn.Value,
            MaxOutputTokens = plan.ReservedOutput.Value,
            TruncationLimitTokens = plan.TruncationLimit?.Value,
            TruncationTurn = plan.TruncationTurn,
            Turns = [.. plan.Turns.Select(t => new CallTurnRow
            {
                Turn = t.Turn,
                Tokens = MeterTokens.From(t.Usage),
                CostUsd = MeterAmounts.From(t.Cost),
                TotalUsd = t.Cost.Total,
                CumulativeUsd = t.CumulativeCost,
                TpmChargeTokens = t.TpmCharge.Value,
                FirstRetainedTurn = t.FirstRetainedTurn,
                DroppedTurns = t.DroppedTurns,
            })],
            Tokens = MeterTokens.From(plan.Usage),
            CostUsd = MeterAmounts.From(plan.Cost),
            TotalUsd = plan.Total,
            CostPerMinuteUsd = plan.CostPerMinute,
            CacheHitShare = plan.Options.CacheHitShare,
            TotalAtCacheHit0Usd = plan.CostWithNoCacheHit,
            TotalAtCacheHit1Usd = plan.CostWithFullCacheHit,
            Warnings = WarningItem.From(plan.Warnings),
            Assumptions = assumptions.Items,
        };
    }
}
