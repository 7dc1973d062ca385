using System.Text.Json.Serialization;
using Planner.Core.Units;

namespace Planner.Contract.Results;

/// <summary>The result of <c>cost</c>: K requests of one shape on one model, per meter and in total, exact.</summary>
public sealed record CostResult
{
    /// <summary>The model's id (an alias resolved).</summary>
    public required string Model { get; init; }

    /// <summary>The snapshot priced, when the query named one (omitted from JSON otherwise).</summary>
    public string? Snapshot { get; init; }

    /// <summary>How many requests.</summary>
    public required long Requests { get; init; }

    /// <summary>The first day of the prices used.</summary>
    public required DateOnly PricesEffectiveFrom { get; init; }

    /// <summary>Tokens of one request, per meter.</summary>
    public required MeterTokens Tokens { get; init; }

    /// <summary>USD per 1M tokens each meter bills at (a cached meter without its own price at its input meter's);
    /// null for a meter the model lists no price for and the request does not use.</summary>
    [JsonPropertyName("prices_usd_per_1m")]
    public required MeterRates PricesUsdPer1m { get; init; }

    /// <summary>The cost of all requests, per meter.</summary>
    public required MeterAmounts BreakdownUsd { get; init; }

    /// <summary>The cost of one request, per meter.</summary>
    public required MeterAmounts PerRequestBreakdownUsd { get; init; }

    /// <summary>The cost of one request.</summary>
    public required Usd PerRequestUsd { get; init; }

    /// <summary>The cost of all requests (the sum of <see cref="BreakdownUsd"/>).</summary>
    public required Usd TotalUsd { get; init; }

    /// <summary>The id prices are listed under: the snapshot's when there is one, else the model's.</summary>
    [JsonIgnore]
    public string BillingId => Snapshot ?? Model;

    public required IReadOnlyList<WarningItem> Warnings { get; init; }

    public required IReadOnlyList<AssumptionItem> Assumptions { get; init; }
}
