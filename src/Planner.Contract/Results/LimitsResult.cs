namespace Planner.Contract.Results;

/// <summary>The result of <c>limits</c>: each model's usage tiers of the scheme in effect on the day asked about.
/// With one model named, the JSON is that model's <see cref="LimitsModel"/> alone.</summary>
public sealed record LimitsResult
{
    public required IReadOnlyList<LimitsModel> Models { get; init; }
}
