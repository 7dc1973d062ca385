using System.Text.Json.Serialization;
using Planner.Contract.Json;
using Planner.Core.Catalog;
using Planner.Core.Pricing;
using Planner.Core.Units;

namespace Planner.Contract.Results;

/// <summary>An exact USD amount per meter; JSON writes one key per row of <see cref="MeterTable"/>
/// (<c>text_input</c>, <c>cached_input</c>, ..., <c>audio_output</c>), in table order.</summary>
[JsonConverter(typeof(MeterAmountsJsonConverter))]
public readonly struct MeterAmounts : IEquatable<MeterAmounts>
{
    private readonly MeterValues<Usd> _values;

    public MeterAmounts(in MeterValues<Usd> values) => _values = values;

    /// <summary>The amount on one meter.</summary>
    public Usd this[Meter meter] => _values[meter];

    /// <summary>The sum over every meter (exact).</summary>
    public Usd Total
    {
        get
        {
            var total = Usd.Zero;
            foreach (var meter in MeterTable.Meters)
            {
                total += _values[meter];
            }

            return total;
        }
    }

    /// <summary>A cost breakdown's amounts.</summary>
    public static MeterAmounts From(in CostBreakdown cost)
    {
        var values = default(MeterValues<Usd>);
        foreach (var meter in MeterTable.Meters)
        {
            values[meter] = cost[meter];
        }

        return new MeterAmounts(values);
    }

    /// <summary>Totals' amounts.</summary>
    public static MeterAmounts From(CostTotals totals)
    {
        ArgumentNullException.ThrowIfNull(totals);
        var values = default(MeterValues<Usd>);
        foreach (var meter in MeterTable.Meters)
        {
            values[meter] = totals[meter];
        }

        return new MeterAmounts(values);
    }

    public bool Equals(MeterAmounts other) => _values.Equals(other._values);
    public override bool Equals(object? obj) => obj is MeterAmounts other && Equals(other);
    public override int GetHashCode() => _values.GetHashCode();
    public static bool operator ==(MeterAmounts a, MeterAmounts b) => a.Equals(b);
    public static bool operator !=(MeterAmounts a, MeterAmounts b) => !a.Equals(b);
}
