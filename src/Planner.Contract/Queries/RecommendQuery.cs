using System.Globalization;
using Planner.Core.Simulation;

namespace Planner.Contract.Queries;

/// <summary>The inputs of <c>recommend</c>: a trace simulated on every tier, and the objectives a tier must meet.</summary>
public sealed record RecommendQuery : SimulationQuery
{
    /// <summary>Under queue: the p99 queue delay a tier may have, in seconds. The default value is 1.</summary>
    public double MaxP99Delay { get; init; } = 1;

    /// <summary>Under retry: the fraction of requests a tier may throttle (none may be dropped). The default value is 0.01.</summary>
    public double MaxThrottleRate { get; init; } = SimulationDefaults.MaxThrottleRate;

    /// <summary>Every problem at once: the objectives, the simulation fields and the trace fields.</summary>
    public override IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        if (!double.IsFinite(MaxP99Delay) || MaxP99Delay < 0 || MaxP99Delay > 1e9)
        {
            errors.Add(new("max_p99_delay", string.Create(CultureInfo.InvariantCulture, $"max_p99_delay must be a number of seconds >= 0, got {MaxP99Delay}")));
        }

        if (MaxThrottleRate is not (>= 0 and <= 1))
        {
            errors.Add(new("max_throttle_rate", string.Create(CultureInfo.InvariantCulture, $"max_throttle_rate must be in [0, 1], got {MaxThrottleRate}")));
        }

        errors.AddRange(base.Validate());
        return errors;
    }

    /// <summary>The objectives of a validated query.</summary>
    public RecommendObjectives ToObjectives() => new() { MaxP99Delay = TimeSpan.FromSeconds(MaxP99Delay), MaxThrottleRate = MaxThrottleRate };
}
