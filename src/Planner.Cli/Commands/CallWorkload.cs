using Planner.Cli.Rendering;
using Planner.Core.Calls;
using Planner.Core.Catalog;
using Planner.Core.Pricing;
using Planner.Core.Projection;

namespace Planner.Cli.Commands;

/// <summary>Builds <c>project</c>'s workload when the unit is a call.</summary>
public static class CallWorkload
{
    /// <summary>The call usage of <paramref name="settings"/> on <paramref name="model"/>: a fixed call, or log-normal lengths.</summary>
    public static CallUsage Usage(ResolvedModel model, AudioTokenRates rates, CallVolumeSettings settings, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(settings);
        var prices = PricingEngine.PricesAt(model, at);
        var options = CallShapeInput.ToOptions(settings);
        var day = DateOnly.FromDateTime(at.UtcDateTime);
        if (settings.MinutesMean is { } mean)
        {
            var perTurn = CallShapeInput.ToShape(settings);
            decimal turnSeconds = perTurn.UserAudio.Seconds + perTurn.AssistantAudio.Seconds;
            return CallUsage.LogNormalMinutes(mean, settings.MinutesSd, settings.TalkShare, turnSeconds,
                turns => CallPlanner.Plan(model, prices, perTurn with { Turns = turns }, options, rates, day));
        }

        return CallUsage.Fixed(CallPlanner.Plan(model, prices, CallShapeInput.ToShape(settings), options, rates, day));
    }

    /// <summary>The workload and its one-line source label; the call's assumptions are added to <paramref name="assumptions"/>.</summary>
    public static (Workload Workload, string Source) Build(ResolvedModel model, AudioTokenRates rates, CallVolumeSettings settings, DateTimeOffset at, Assumptions assumptions)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(assumptions);
        var usage = Usage(model, rates, settings, at);
        var arrivals = Arrivals.SpreadPerDay(settings.CallsPerDay!.Value, settings.CallsPerDaySd).Validate();
        assumptions.AddAudioRates(rates, used: true);
        CallView.Add(assumptions, usage.Plan);
        var workload = new Workload([new WorkloadStream(model, arrivals, usage)],
            ["the unit is a call: each draw is a whole call, each of its turns a request (a Response) to the rate limiter",
             "calls spread evenly over the day (no trace to learn the hour-of-day profile from)",
             usage.Description]);
        return (workload, $"{model.BillingId}, {Format.Number(settings.CallsPerDay.Value, 3)} calls/day");
    }
}
