using System.Globalization;
using Planner.Contract.Queries;
using Planner.Contract.Results;
using Planner.Core.Catalog;
using Planner.Core.Pricing;
using Planner.Core.Projection;

namespace Planner.Contract.Services;

/// <summary>The workload of <c>project</c> and <c>migrate</c> when the unit is a call.</summary>
public static class CallWorkload
{
    /// <summary>The workload and its one-line source label; the call's assumptions are added to <paramref name="assumptions"/>.</summary>
    public static (Workload Workload, string Source) Build(CallVolumeQuery query, ResolvedModel model, AudioTokenRates rates, DateTimeOffset at, AssumptionList assumptions)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(assumptions);
        var usage = query.ToCallUsage(model, rates, at);
        var arrivals = Arrivals.SpreadPerDay(query.CallsPerDay!.Value, query.CallsPerDaySd).Validate();
        assumptions.AddAudioRates(rates, used: true).AddCall(usage.Plan);
        var workload = new Workload([new WorkloadStream(model, arrivals, usage)],
            ["the unit is a call: each draw is a whole call, each of its turns a request (a Response) to the rate limiter",
             "calls spread evenly over the day (no trace to learn the hour-of-day profile from)",
             usage.Description]);
        return (workload, $"{model.BillingId}, {PerDay(query.CallsPerDay.Value)} calls/day");
    }

    /// <summary>A count a day as labels show it: grouped, up to 3 decimals ("1,000", "2.5").</summary>
    public static string PerDay(decimal value) =>
        Math.Round(value, 3, MidpointRounding.AwayFromZero).ToString("#,0.###", CultureInfo.InvariantCulture);
}
