using System.Text.Json.Serialization;
using Planner.Contract.Json;
using Planner.Core.Units;

namespace Planner.Contract.Results;

/// <summary>The requests and cost of one UTC hour or day of a trace.</summary>
public sealed record TimeBucketRow(
    [property: JsonConverter(typeof(UtcInstantJsonConverter))] DateTimeOffset Start,
    long Requests,
    Usd TotalUsd);
