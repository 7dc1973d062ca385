using System.Text.Json.Serialization;
using Planner.Core.Units;

namespace Planner.Contract.Results;

/// <summary>One group of a trace's requests (one project, API key, user or model) and its exact cost.</summary>
/// <param name="Group">The group's value; null (written as null) for the requests without the field.</param>
/// <param name="Requests">The group's requests.</param>
/// <param name="TotalUsd">The group's exact cost.</param>
public sealed record GroupRow([property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Group, long Requests, Usd TotalUsd);
