using Planner.Core.Capacity;
using Planner.Core.Catalog;

namespace Planner.Core.Calls;

/// <summary>What a call load asks of the rate limiter, tier by tier. The limiter sees Responses: each turn is one
/// request, charging its whole resent input + its reserved output against TPM (FACTS.md section 4).</summary>
/// <remarks>Closed form: Responses a minute = concurrent calls x turns per call-minute; TPM a minute = concurrent calls
/// x (the call's TPM charges summed) / call minutes. A tier carries min(RPM / turns per call-minute, TPM / charge per
/// call-minute) concurrent calls. This is the steady-state average: turns within a call are taken as evenly spaced.</remarks>
public sealed record CallCapacity
{
    /// <summary>Calls in progress at once.</summary>
    public required decimal ConcurrentCalls { get; init; }

    /// <summary>Responses per minute of one call (turns / call minutes).</summary>
    public required decimal ResponsesPerCallMinute { get; init; }

    /// <summary>TPM charge per minute of one call.</summary>
    public required decimal TpmChargePerCallMinute { get; init; }

    /// <summary>Responses a minute the load sends.</summary>
    public decimal ResponsesPerMinute => ConcurrentCalls * ResponsesPerCallMinute;

    /// <summary>Tokens a minute the load charges against TPM.</summary>
    public decimal TokensPerMinute => ConcurrentCalls * TpmChargePerCallMinute;

    /// <summary>The largest single Response's TPM charge (a tier whose TPM is below it never admits that turn).</summary>
    public required long LargestResponseCharge { get; init; }

    /// <summary>Each tier of the ladder, lowest first.</summary>
    public required IReadOnlyList<CallTierFit> Tiers { get; init; }

    /// <summary>The lowest tier that carries the load, or null when none does.</summary>
    public UsageTier? LowestFit => Tiers.FirstOrDefault(t => t.Fits)?.Tier;

    /// <summary>The load <paramref name="load"/> of calls like <paramref name="plan"/> against every tier of
    /// <paramref name="tiers"/> (lowest first; the default value is the model's ladder of the latest scheme).</summary>
    /// <exception cref="PlannerException">A negative load, or a call without length (no minutes, no audio).</exception>
    public static CallCapacity For(ModelSpec model, CallPlan plan, CallLoad load, IReadOnlyList<UsageTier>? tiers = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.CallMinutes <= 0m)
        {
            throw new PlannerException(PlannerErrorKind.InvalidArgument, "the call has no length (no audio and no minutes): calls per minute of capacity cannot be derived; give the call minutes");
        }

        decimal concurrent = load.ConcurrentFor(plan.CallMinutes);
        if (concurrent < 0m)
        {
            throw new PlannerException(PlannerErrorKind.InvalidArgument, $"concurrent calls must be >= 0, got {concurrent}");
        }

        decimal responses = plan.Turns.Count / plan.CallMinutes;
        decimal charge = plan.TpmCharge.Value / plan.CallMinutes;
        long largest = plan.Turns.Max(t => t.TpmCharge.Value);
        var fits = new List<CallTierFit>();
        foreach (var tier in tiers ?? TierWalk.Of(model))
        {
            if (!tier.Supported || tier.Rpm is not { } rpm || tier.Tpm is not { } tpm)
            {
                fits.Add(new CallTierFit(tier, false, false, 0, LimitedBy.Rpm));
                continue;
            }

            decimal byRpm = rpm.Value / responses;
            decimal byTpm = largest > tpm.Value ? 0m : tpm.Value / charge;
            bool tpmBinds = byTpm < byRpm;
            fits.Add(new CallTierFit(tier,
                concurrent * responses <= rpm.Value,
                largest <= tpm.Value && concurrent * charge <= tpm.Value,
                (long)Math.Floor(Math.Min(byRpm, byTpm)),
                tpmBinds ? LimitedBy.Tpm : LimitedBy.Rpm));
        }

        return new CallCapacity
        {
            ConcurrentCalls = concurrent,
            ResponsesPerCallMinute = responses,
            TpmChargePerCallMinute = charge,
            LargestResponseCharge = largest,
            Tiers = fits,
        };
    }
}
