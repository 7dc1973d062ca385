using Planner.Core.Catalog;
using Planner.Core.Pricing;
using Planner.Core.Units;

namespace Planner.Core.Capacity;

/// <summary>How much traffic of one request shape a tier carries, and how much audio a request can hold.</summary>
public static class CapacityPlanner
{
    /// <summary>The TPM charge of one request: input + max_tokens when given, else input + output
    /// (OpenAI counts max_tokens against TPM).</summary>
    /// <exception cref="PlannerException">max_tokens below the request's output, over the output cap, or beyond the context window.</exception>
    public static TokenCount TpmCharge(ModelSpec model, in Usage usage, TokenCount? maxTokens)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (maxTokens is not { } max)
        {
            return Pricing.TpmCharge.Of(usage, null);
        }

        if (max < usage.OutputTokens)
        {
            throw new PlannerException(PlannerErrorKind.InvalidArgument, "max_tokens",
                $"max_tokens {max.Value:N0} is below the request's output of {usage.OutputTokens.Value:N0} tokens; a response is never longer than its output limit");
        }

        if (max > model.MaxOutputTokens)
        {
            throw new PlannerException(PlannerErrorKind.OutputCapExceeded, "max_tokens",
                $"max_tokens {max.Value:N0} exceeds {model.Id}'s {model.MaxOutputTokens.Value:N0}-token output cap");
        }

        var charge = Pricing.TpmCharge.Of(usage, max);
        if (charge > model.ContextWindow)
        {
            throw new PlannerException(PlannerErrorKind.ContextWindowExceeded,
                $"input of {usage.InputTokens.Value:N0} + max_tokens of {max.Value:N0} = {charge.Value:N0} tokens exceeds {model.Id}'s {model.ContextWindow.Value:N0}-token context window");
        }

        return charge;
    }

    /// <summary>What <paramref name="tier"/> sustains for requests of <paramref name="usage"/> costing <paramref name="cost"/> each.</summary>
    /// <exception cref="PlannerException">The tier does not support the model, the request breaks a cap, or max_tokens is invalid.</exception>
    public static CapacityEstimate Estimate(ModelSpec model, UsageTier tier, in Usage usage, in CostBreakdown cost, TokenCount? maxTokens, AudioTokenRates rates)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(tier);
        ArgumentNullException.ThrowIfNull(rates);
        if (!tier.Supported || tier.Rpm is not { } rpm || tier.Tpm is not { } tpm)
        {
            throw new PlannerException(PlannerErrorKind.TierNotSupported, $"{model.Id} is not supported at the {tier.DisplayName} tier");
        }

        RequestCaps.Ensure(model, usage);
        var charge = TpmCharge(model, usage, maxTokens);
        if (charge.Value > tpm.Value)
        {
            throw new PlannerException(PlannerErrorKind.InvalidArgument,
                $"one request counts {charge.Value:N0} tokens against TPM, more than the {tier.DisplayName} limit of {tpm.Value:N0}: it can never be admitted");
        }

        // An empty request (0 tokens) is bounded by RPM alone.
        decimal byTpm = charge.Value == 0 ? decimal.MaxValue : tpm.Value / (decimal)charge.Value;
        bool tpmBinds = byTpm < rpm.Value;
        decimal perMinute = tpmBinds ? byTpm : rpm.Value;

        // Cost per hour = cost x 60 x rate; with the TPM bound, divide once at the end and round to the picodollar.
        decimal perHour = tpmBinds
            ? cost.Total.Value * 60m * tpm.Value / charge.Value
            : cost.Total.Value * 60m * rpm.Value;
        decimal unused = maxTokens is { } max && charge.Value > 0 ? (max.Value - usage.OutputTokens.Value) / (decimal)charge.Value : 0m;

        return new CapacityEstimate
        {
            Tier = tier,
            TpmChargePerRequest = charge,
            MaxRequestsPerMinute = perMinute,
            LimitedBy = tpmBinds ? LimitedBy.Tpm : LimitedBy.Rpm,
            InputAudioSecondsPerMinute = perMinute * usage.AudioInput.Value / rates.Input.TokensPerSecond,
            OutputAudioSecondsPerMinute = perMinute * usage.AudioOutput.Value / rates.Output.TokensPerSecond,
            CostPerHour = Usd.FromDollars(Math.Round(perHour, 12, MidpointRounding.ToEven)),
            ReservedButUnusedShare = unused,
        };
    }

    /// <summary>The most audio a request can carry in and out beside the rest of <paramref name="usage"/>.</summary>
    public static AudioEnvelope Envelope(ModelSpec model, in Usage usage, TokenCount? maxTokens, AudioTokenRates rates)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(rates);
        long reserved = (maxTokens ?? usage.OutputTokens).Value;
        long room = Math.Max(0, model.ContextWindow.Value - reserved - (usage.InputTokens.Value - usage.AudioInput.Value));
        return new AudioEnvelope(
            rates.Output.DurationFor(model.MaxOutputTokens),
            rates.Input.DurationFor(new TokenCount(room)),
            rates.Input.DurationFor(model.ContextWindow));
    }
}
