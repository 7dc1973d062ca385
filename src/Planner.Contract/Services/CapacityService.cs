using Planner.Contract.Queries;
using Planner.Contract.Results;
using Planner.Core;
using Planner.Core.Calls;
using Planner.Core.Capacity;
using Planner.Core.Catalog;
using Planner.Core.Pricing;
using Planner.Core.Units;

namespace Planner.Contract.Services;

/// <summary>Runs <c>capacity</c>: <see cref="Run"/> for one request shape at a tier, <see cref="RunCalls"/> for a call load
/// (the query's <see cref="RequestOrCallQuery.IsCall"/> says which).</summary>
public static class CapacityService
{
    /// <summary>The sustained request rate of one request shape at the query's tier.</summary>
    public static CapacityResult Run(CapacityQuery query, ModelCatalog catalog, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(catalog);
        var model = catalog.Resolve(query.Model);
        var at = query.Instant(now);
        var day = DateOnly.FromDateTime(at.UtcDateTime);
        var tierName = catalog.TierSchedule.Resolve(query.Tier, day);
        var ladder = catalog.TiersAt(model.Model, day);
        var tier = ladder?.Find(tierName)
            ?? throw new PlannerException(PlannerErrorKind.UnknownTier,
                $"no rate limits are recorded for {model.Model.Id} at {tierName.DisplayName}; tiers: {string.Join(", ", ladder?.Select(t => t.Name) ?? [])}");
        var rates = query.Rates(catalog.RatesFor(model.Model));
        var usage = query.ToShape().ToUsage(rates);
        var quote = PricingEngine.Price(model, usage, at);
        TokenCount? maxTokens = query.MaxTokens is { } mt ? new TokenCount(mt) : null;
        var estimate = CapacityPlanner.Estimate(model.Model, tier, usage, quote.Cost, maxTokens, rates);
        var envelope = CapacityPlanner.Envelope(model.Model, usage, maxTokens, rates);
        var assumptions = new AssumptionList().AddAudioRates(rates, true).AddCachedFallbacks(model.BillingId, quote.Prices, usage);
        if (tier.Source.IsAssumption)
        {
            assumptions.Add("tier_limits", tier.DisplayName, tier.Source.Note ?? "carried over from another model's page");
        }

        assumptions.AddAudioCountsTowardTpm();
        return new CapacityResult
        {
            Model = model.Model.Id,
            Tier = tier.Name,
            Rpm = tier.Rpm!.Value.Value,
            Tpm = tier.Tpm!.Value.Value,
            Tokens = MeterTokens.From(usage),
            MaxTokens = maxTokens?.Value,
            TpmChargePerRequest = estimate.TpmChargePerRequest.Value,
            MaxRequestsPerMinute = Math.Round(estimate.MaxRequestsPerMinute, 6),
            WholeRequestsPerMinute = estimate.WholeRequestsPerMinute,
            LimitedBy = LimitName(estimate.LimitedBy),
            InputAudioMinutesPerMinute = Math.Round(estimate.InputAudioSecondsPerMinute / 60m, 6),
            OutputAudioMinutesPerMinute = Math.Round(estimate.OutputAudioSecondsPerMinute / 60m, 6),
            PerRequestUsd = quote.Cost.Total,
            CostPerHourUsd = estimate.CostPerHour,
            TpmReservedButUnusedShare = Math.Round(estimate.ReservedButUnusedShare, 6),
            PerRequestAudioLimits = new CapacityAudioLimits
            {
                MaxOutputAudioSeconds = envelope.MaxOutputAudio.Seconds,
                MaxInputAudioSeconds = envelope.MaxInputAudio.Seconds,
                MaxInputAudioSecondsAlone = envelope.MaxInputAudioAlone.Seconds,
            },
            Warnings = new WarningList().For(model, at).Items,
            Assumptions = assumptions.Items,
        };
    }

    /// <summary>A call load against every tier of the scheme in effect at the query's date (or the one tier it names).</summary>
    public static CallCapacityResult RunCalls(CapacityQuery query, ModelCatalog catalog, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(catalog);
        var model = catalog.Resolve(query.Model);
        var rates = query.Rates(catalog.RatesFor(model.Model));
        var at = query.Instant(now);
        var day = DateOnly.FromDateTime(at.UtcDateTime);
        var plan = CallPlanner.Plan(model, PricingEngine.PricesAt(model, at), query.ToCallShape(), query.ToCallOptions(), rates, day);
        var load = query.ConcurrentCalls is { } c ? CallLoad.Concurrent(c) : CallLoad.PerMinute(query.CallsPerMinute!.Value);
        var capacity = CallCapacity.For(model.Model, plan, load, catalog.TiersAt(model.Model, day));
        IReadOnlyList<CallTierFit> rows = capacity.Tiers;
        if (!string.IsNullOrWhiteSpace(query.Tier) && !query.Tier.Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            var tier = model.Model.FindTier(query.Tier)
                ?? throw new PlannerException(PlannerErrorKind.UnknownTier,
                    $"unknown tier '{query.Tier}' for {model.Model.Id}; tiers: all, {string.Join(", ", model.Model.Tiers.Select(t => t.Name))}");
            rows = [.. rows.Where(r => r.Tier.Name == tier.Name)];
        }

        var assumptions = new AssumptionList().AddAudioRates(rates, true).AddCall(plan)
            .Add("responses", "each turn is one request", "the limiter sees Responses; each charges its whole resent input + max output tokens against TPM (OpenAI rate-limits guide)")
            .Add("steady_state", "turns evenly spaced", "Responses a minute = concurrent calls x turns per call-minute; bursts within a minute are not modelled (see simulate)")
            .AddAudioCountsTowardTpm();
        return new CallCapacityResult
        {
            Model = model.Model.Id,
            Api = ApiName(model.Model.Api),
            TurnCount = plan.Turns.Count,
            CallMinutes = plan.CallMinutes,
            ConcurrentCalls = capacity.ConcurrentCalls,
            ResponsesPerCallMinute = capacity.ResponsesPerCallMinute,
            TpmChargePerCallMinute = capacity.TpmChargePerCallMinute,
            ResponsesPerMinute = capacity.ResponsesPerMinute,
            TokensPerMinute = capacity.TokensPerMinute,
            LargestResponseTpmCharge = capacity.LargestResponseCharge,
            CostPerCallUsd = plan.Total,
            Tiers = [.. rows.Select(r => new CallCapacityTierRow
            {
                Tier = r.Tier.Name,
                Supported = r.Tier.Supported,
                Rpm = r.Tier.Rpm is not null && r.Tier.Tpm is not null ? r.Tier.Rpm.Value.Value : null,
                Tpm = r.Tier.Rpm is not null && r.Tier.Tpm is not null ? r.Tier.Tpm.Value.Value : null,
                FitsRpm = r.FitsRpm,
                FitsTpm = r.FitsTpm,
                Fits = r.Fits,
                MaxConcurrentCalls = r.MaxConcurrentCalls,
                LimitedBy = LimitName(r.LimitedBy),
            })],
            LowestTierThatFits = capacity.LowestFit?.Name,
            Warnings = WarningItem.From(plan.Warnings),
            Assumptions = assumptions.Items,
        };
    }

    /// <summary>"rpm" or "tpm".</summary>
    public static string LimitName(LimitedBy limit) => limit == LimitedBy.Rpm ? "rpm" : "tpm";

    /// <summary>"chat_completions" or "realtime".</summary>
    public static string ApiName(ModelApi api) => api == ModelApi.Realtime ? "realtime" : "chat_completions";
}
