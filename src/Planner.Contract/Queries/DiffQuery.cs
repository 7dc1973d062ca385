using System.Globalization;

namespace Planner.Contract.Queries;

/// <summary>The inputs of <c>diff</c>: the thresholds a workload's cost change is checked against. (The two catalogs and
/// the workloads are files: the service takes them loaded.)</summary>
public sealed record DiffQuery : IQuery
{
    /// <summary>Fail when any workload's cost rises by more than this many percent. Must be >= 0. The default value is no limit.</summary>
    public decimal? FailAbove { get; init; }

    /// <summary>Fail when any workload's cost falls by more than this many percent. Must be >= 0. The default value is no limit.</summary>
    public decimal? FailBelow { get; init; }

    /// <summary>Every problem at once.</summary>
    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        foreach (var (name, value) in new[] { ("fail_above", FailAbove), ("fail_below", FailBelow) })
        {
            if (value < 0)
            {
                errors.Add(new(name, $"{name} must be a percentage >= 0, got {value.Value.ToString(CultureInfo.InvariantCulture)}"));
            }
        }

        return errors;
    }
}
