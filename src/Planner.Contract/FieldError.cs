namespace Planner.Contract;

/// <summary>One problem with one field of a query.</summary>
/// <param name="Field">The field's snake_case wire name (<c>requests</c>, <c>audio_in_seconds</c>): the web form
/// field, query-string key and JSON key.</param>
/// <param name="Message">One line that names the field by that name, never a CLI flag:
/// "requests must be between 1 and 1,000,000,000,000, got 0".</param>
public sealed record FieldError(string Field, string Message);
