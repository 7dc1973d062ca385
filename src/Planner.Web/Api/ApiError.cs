namespace Planner.Web.Api;

/// <summary>One problem with a request: the snake_case field it concerns ("" for the request as a whole) and the message.</summary>
public sealed record ApiError(string Field, string Message);
