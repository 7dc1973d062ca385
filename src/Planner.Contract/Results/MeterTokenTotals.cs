using System.Text.Json.Serialization;
using Planner.Contract.Json;
using Planner.Core.Catalog;
using Planner.Core.Pricing;

namespace Planner.Contract.Results;

/// <summary>Token totals per meter over many requests (128-bit: a trace of billions of rows cannot overflow);
/// JSON writes one key per row of <see cref="MeterTable"/>, in table order, as exact integers.</summary>
[JsonConverter(typeof(MeterTokenTotalsJsonConverter))]
public readonly struct MeterTokenTotals : IEquatable<MeterTokenTotals>
{
    private readonly MeterValues<Int128> _values;

    public MeterTokenTotals(in MeterValues<Int128> values) => _values = values;

    /// <summary>The tokens on one meter.</summary>
    public Int128 this[Meter meter] => _values[meter];

    /// <summary>Totals' tokens.</summary>
    public static MeterTokenTotals From(CostTotals totals)
    {
        ArgumentNullException.ThrowIfNull(totals);
        var values = default(MeterValues<Int128>);
        foreach (var meter in MeterTable.Meters)
        {
            values[meter] = totals.Tokens(meter);
        }

        return new MeterTokenTotals(values);
    }

    public bool Equals(MeterTokenTotals other) => _values.Equals(other._values);
    public override bool Equals(object? obj) => obj is MeterTokenTotals other && Equals(other);
    public override int GetHashCode() => _values.GetHashCode();
    public static bool operator ==(MeterTokenTotals a, MeterTokenTotals b) => a.Equals(b);
    public static bool operator !=(MeterTokenTotals a, MeterTokenTotals b) => !a.Equals(b);
}
