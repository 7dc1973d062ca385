using Planner.Contract;

namespace Planner.Web.Api;

/// <summary>A 400 answer: every problem at once.</summary>
public sealed record ApiErrors(IReadOnlyList<FieldError> Errors);
