using System.Text.Json.Serialization;
using Planner.Contract.Json;
using Planner.Core.Catalog;
using Planner.Core.Pricing;

namespace Planner.Contract.Results;

/// <summary>A token count per meter; JSON writes one key per row of <see cref="MeterTable"/>, in table order.</summary>
[JsonConverter(typeof(MeterTokensJsonConverter))]
public readonly struct MeterTokens : IEquatable<MeterTokens>
{
    private readonly MeterValues<long> _values;

    public MeterTokens(in MeterValues<long> values) => _values = values;

    /// <summary>The tokens on one meter.</summary>
    public long this[Meter meter] => _values[meter];

    /// <summary>The sum over every meter.</summary>
    public long Total
    {
        get
        {
            long total = 0;
            foreach (var meter in MeterTable.Meters)
            {
                total += _values[meter];
            }

            return total;
        }
    }

    /// <summary>A usage's tokens.</summary>
    public static MeterTokens From(in Usage usage)
    {
        var values = default(MeterValues<long>);
        foreach (var meter in MeterTable.Meters)
        {
            values[meter] = usage[meter].Value;
        }

        return new MeterTokens(values);
    }

    public bool Equals(MeterTokens other) => _values.Equals(other._values);
    public override bool Equals(object? obj) => obj is MeterTokens other && Equals(other);
    public override int GetHashCode() => _values.GetHashCode();
    public static bool operator ==(MeterTokens a, MeterTokens b) => a.Equals(b);
    public static bool operator !=(MeterTokens a, MeterTokens b) => !a.Equals(b);
}
