using Planner.Core;

namespace Planner.Contract;

/// <summary>A warning in a result: a stable snake_case key for machines and a one-line message for people.</summary>
/// <param name="Key">The same condition always has the same key, e.g. "model_deprecated".</param>
/// <param name="Message">One line, e.g. "gpt-audio-mini is deprecated: it shuts down on 2027-01-20; ...".</param>
public sealed record WarningItem(string Key, string Message)
{
    /// <summary>The item of a Core warning.</summary>
    public static WarningItem From(PlannerWarning warning)
    {
        ArgumentNullException.ThrowIfNull(warning);
        return new WarningItem(warning.Key, warning.Message);
    }

    /// <summary>The items of Core warnings, in order.</summary>
    public static IReadOnlyList<WarningItem> From(IEnumerable<PlannerWarning> warnings)
    {
        ArgumentNullException.ThrowIfNull(warnings);
        return [.. warnings.Select(From)];
    }
}
