namespace Planner.Core;

/// <summary>Something the user should know about a result that is still valid, with a stable key
/// for machines (e.g. "model_deprecated") and a one-line message for people.</summary>
/// <param name="Key">A stable snake_case key; the same condition always has the same key.</param>
/// <param name="Message">One line, e.g. "gpt-audio-mini is deprecated: it shuts down on 2027-01-20; OpenAI recommends gpt-audio-1.5".</param>
public sealed record PlannerWarning(string Key, string Message);
