namespace Planner.Contract.Results;

/// <summary>One model's admissions per UTC minute, from its first admitted request's minute to its last (every minute,
/// zeros included), and the tier's limits for it (0 when the tier does not list one).</summary>
public sealed record ThroughputModelSeries(string Model, long RpmLimit, long TpmLimit, IReadOnlyList<ThroughputMinuteRow> Minutes);
