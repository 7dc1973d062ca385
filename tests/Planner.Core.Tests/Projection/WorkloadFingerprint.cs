using System.Globalization;
using Planner.Core.Projection;

namespace Planner.Core.Tests.Projection;

/// <summary>Everything a learned workload carries, as text with every double in round-trip form, and the learner's
/// sample row by row: two learners agree to the last digit exactly when their fingerprints are equal.</summary>
internal static class WorkloadFingerprint
{
    public static string Of(WorkloadLearner learner, UsageFit fit = UsageFit.Resample)
    {
        var lines = new List<string> { $"count {learner.Count}" };
        Workload workload;
        try
        {
            workload = learner.Learn(fit);
        }
        catch (PlannerException e)
        {
            lines.Add($"refused: {e.Message}");
            return string.Join("\n", lines);
        }

        foreach (var stream in workload.Streams)
        {
            var a = stream.Arrivals;
            var u = stream.Usage;
            var e = stream.Evidence!;
            lines.Add($"stream {stream.Model.Model.Id} ({stream.Model.BillingId}): {a.Kind} {a.MeanPerDay} sd {a.SdPerDay} busiest {R(a.BusiestHourShare)}");
            lines.Add($"  evidence {e.Windows} windows, {e.Requests} requests, {e.TokenSamples} samples, spread {(e.ObservedSpread is { } s ? R(s) : "-")}, posterior {R(e.PosteriorMedianSpread)}");
            lines.Add($"  usage {u.Description}: mean {string.Join(" ", u.Mean.Select(R))}, tpm {R(u.MeanTpmCharge)}");
            var cov = u.Covariance;
            lines.Add($"  covariance {string.Join(" ", cov.Cast<double>().Select(R))}");
            var c = u.Charges!;
            lines.Add($"  charges {R(c.Mean)} {R(c.SecondMoment)} {R(c.ThirdMoment)} single {c.SingleValue}");
            lines.AddRange(learner.SampleOf(stream.Model.Model.Id).Select(r =>
                $"  kept {r.Ticks}/{r.Rank} key {r.Key:x16} charge {r.Charge} tokens {string.Join(",", r.Usage.Tokens.ToArray())}"));
        }

        lines.AddRange(workload.Notes.Select(n => $"note {n}"));
        lines.AddRange(workload.Warnings.Select(w => $"warning {w.Key}: {w.Message}"));
        return string.Join("\n", lines);
    }

    private static string R(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static long[] ToArray(this Planner.Core.Catalog.MeterValues<long> values) => ((ReadOnlySpan<long>)values).ToArray();
}
