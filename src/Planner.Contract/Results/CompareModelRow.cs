using System.Text.Json.Serialization;
using Planner.Core.Units;

namespace Planner.Contract.Results;

/// <summary>One model in a <see cref="CompareResult"/>.</summary>
public sealed record CompareModelRow
{
    /// <summary>The model's id (an alias resolved).</summary>
    public required string Model { get; init; }

    /// <summary>Tokens of one request on this model, per meter (audio seconds convert at the model's rates).</summary>
    public required MeterTokens Tokens { get; init; }

    /// <summary>USD per 1M tokens each meter bills at; null for a meter the model lists no price for and the request does not use.</summary>
    [JsonPropertyName("prices_usd_per_1m")]
    public required MeterRates PricesUsdPer1m { get; init; }

    /// <summary>The cost of all requests, per meter.</summary>
    public required MeterAmounts BreakdownUsd { get; init; }

    /// <summary>The cost of one request.</summary>
    public required Usd PerRequestUsd { get; init; }

    /// <summary>The cost of all requests.</summary>
    public required Usd TotalUsd { get; init; }

    /// <summary>Total over the baseline's total, rounded to 6 places; null when the baseline costs nothing.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required decimal? RatioToBaseline { get; init; }

    /// <summary>Total minus the baseline's total (exact).</summary>
    public required Usd DifferenceUsd { get; init; }
}
