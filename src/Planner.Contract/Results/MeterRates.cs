using System.Text.Json.Serialization;
using Planner.Contract.Json;
using Planner.Core.Catalog;

namespace Planner.Contract.Results;

/// <summary>A price in USD per 1M tokens per meter, null where there is none; JSON writes one key per row of
/// <see cref="MeterTable"/>, in table order (an exact number or null).</summary>
[JsonConverter(typeof(MeterRatesJsonConverter))]
public readonly struct MeterRates : IEquatable<MeterRates>
{
    private readonly MeterValues<decimal?> _values;

    public MeterRates(in MeterValues<decimal?> values) => _values = values;

    /// <summary>The price on one meter, or null.</summary>
    public decimal? this[Meter meter] => _values[meter];

    /// <summary>The price each meter bills at (a cached meter without its own price bills at its input meter's),
    /// kept only where <paramref name="keep"/> says so.</summary>
    public static MeterRates From(PriceSet prices, Func<Meter, bool> keep)
    {
        ArgumentNullException.ThrowIfNull(prices);
        ArgumentNullException.ThrowIfNull(keep);
        var values = default(MeterValues<decimal?>);
        foreach (var meter in MeterTable.Meters)
        {
            values[meter] = keep(meter) ? prices[meter]?.UsdPerMillion : null;
        }

        return new MeterRates(values);
    }

    public bool Equals(MeterRates other) => _values.Equals(other._values);
    public override bool Equals(object? obj) => obj is MeterRates other && Equals(other);
    public override int GetHashCode() => _values.GetHashCode();
    public static bool operator ==(MeterRates a, MeterRates b) => a.Equals(b);
    public static bool operator !=(MeterRates a, MeterRates b) => !a.Equals(b);
}
