using System.Text.Json.Serialization;
using Planner.Contract.Json;
using Planner.Core.Traces;
using Planner.Core.Units;

namespace Planner.Contract.Results;

/// <summary>The rows of a trace and their exact cost: in total, per meter, per model, per hour and day, the span and the
/// 30-day projection. The results of price and simulate derive from it (flat on the wire, as <c>--json</c> had them).</summary>
public record TracePricedResult : TraceRowsResult
{
    public TracePricedResult()
    {
    }

    /// <summary>The rows and costs of a read input.</summary>
    public TracePricedResult(string trace, long rowsRead, TraceRejections rejections, TraceCosts costs)
        : base(trace, rowsRead, rejections)
    {
        ArgumentNullException.ThrowIfNull(costs);
        var totals = costs.Totals;
        TotalUsd = totals.Total;
        RequestsBilled = totals.Requests;
        Tokens = MeterTokenTotals.From(totals);
        ByMeterUsd = MeterAmounts.From(totals);
        ByModel = [.. costs.ByModel.Select(m => new ModelCostRow(m.Model, m.Totals.Requests, m.Totals.Total, MeterAmounts.From(m.Totals)))];
        PerHour = Buckets(costs.ByHour);
        PerDay = Buckets(costs.ByDay);
        FirstRequest = costs.First;
        LastRequest = costs.Last;
        SpanSeconds = (decimal)costs.Span.Ticks / TimeSpan.TicksPerSecond;
        MonthlyProjectionUsd = costs.MonthlyProjection;
        MonthlyProjectionCaveat = costs.MonthlyProjection is null ? null : costs.ProjectionCaveat;
    }

    /// <summary>The cost of every priced row (the sum of <see cref="ByMeterUsd"/>, of <see cref="ByModel"/>, of the days).</summary>
    [JsonPropertyOrder(-1)]
    public Usd TotalUsd { get; init; }

    /// <summary>Requests billed (a usage bucket counts its requests).</summary>
    [JsonPropertyOrder(-1)]
    public long RequestsBilled { get; init; }

    /// <summary>Tokens per meter.</summary>
    [JsonPropertyOrder(-1)]
    public MeterTokenTotals Tokens { get; init; }

    /// <summary>Cost per meter.</summary>
    [JsonPropertyOrder(-1)]
    public MeterAmounts ByMeterUsd { get; init; }

    /// <summary>Cost per model, in order of first appearance.</summary>
    [JsonPropertyOrder(-1)]
    public IReadOnlyList<ModelCostRow> ByModel { get; init; } = [];

    /// <summary>Requests and cost per UTC hour.</summary>
    [JsonPropertyOrder(-1)]
    public IReadOnlyList<TimeBucketRow> PerHour { get; init; } = [];

    /// <summary>Requests and cost per UTC day.</summary>
    [JsonPropertyOrder(-1)]
    public IReadOnlyList<TimeBucketRow> PerDay { get; init; } = [];

    /// <summary>The first request's instant; null (written as null) for an input with none.</summary>
    [JsonConverter(typeof(UtcInstantJsonConverter))]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    [JsonPropertyOrder(-1)]
    public DateTimeOffset? FirstRequest { get; init; }

    /// <summary>The last request's instant; null (written as null) for an input with none.</summary>
    [JsonConverter(typeof(UtcInstantJsonConverter))]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    [JsonPropertyOrder(-1)]
    public DateTimeOffset? LastRequest { get; init; }

    /// <summary>Seconds from the first request to the last.</summary>
    [JsonPropertyOrder(-1)]
    public decimal SpanSeconds { get; init; }

    /// <summary>The total scaled to a 30-day month (total x 30 days / span); null (written as null) when the input spans one instant.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    [JsonPropertyOrder(-1)]
    public Usd? MonthlyProjectionUsd { get; init; }

    /// <summary>Why the projection may mislead (a span under a day), when it may.</summary>
    [JsonPropertyOrder(-1)]
    public string? MonthlyProjectionCaveat { get; init; }

    private static TimeBucketRow[] Buckets(IReadOnlyList<TimeBucketTotals> buckets) => [.. buckets.Select(b => new TimeBucketRow(b.Start, b.Requests, b.Total))];
}
