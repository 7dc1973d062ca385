using System.Globalization;

namespace Planner.Core.Units;

/// <summary>An exact amount of US dollars (a <see cref="decimal"/>, never a binary float).</summary>
public readonly struct Usd : IEquatable<Usd>, IComparable<Usd>
{
    /// <summary>One picodollar (1e-12 USD) is the engine's exact unit for per-token prices.</summary>
    internal const byte PicodollarScale = 12;

    public Usd(decimal value) => Value = value;

    /// <summary>Nothing.</summary>
    public static Usd Zero => default;

    /// <summary>The amount in dollars.</summary>
    public decimal Value { get; }

    /// <summary>Creates an amount from dollars.</summary>
    public static Usd FromDollars(decimal value) => new(value);

    /// <summary>Exactly <paramref name="picodollars"/> x 1e-12 USD, with no division.</summary>
    public static Usd FromPicodollars(long picodollars)
    {
        ulong magnitude = picodollars < 0 ? (ulong)(-(Int128)picodollars) : (ulong)picodollars;
        return new Usd(new decimal(unchecked((int)(uint)magnitude), unchecked((int)(uint)(magnitude >> 32)), 0, picodollars < 0, PicodollarScale));
    }

    /// <summary>Exactly <paramref name="picodollars"/> x 1e-12 USD; must fit in 96 bits.</summary>
    public static Usd FromPicodollars(Int128 picodollars)
    {
        bool negative = picodollars < 0;
        UInt128 magnitude = negative ? (UInt128)(-picodollars) : (UInt128)picodollars;
        if (magnitude >> 96 != 0)
        {
            throw new OverflowException("Amount exceeds the range of an exact decimal.");
        }

        return new Usd(new decimal(unchecked((int)(uint)magnitude), unchecked((int)(uint)(magnitude >> 32)), unchecked((int)(uint)(magnitude >> 64)), negative, PicodollarScale));
    }

    /// <summary>The value with trailing zeros removed (1.500000 -> 1.5), same number.</summary>
    public decimal Normalized => Value / 1.0000000000000000000000000000m;

    public static Usd operator +(Usd a, Usd b) => new(a.Value + b.Value);
    public static Usd operator -(Usd a, Usd b) => new(a.Value - b.Value);
    public static Usd operator -(Usd a) => new(-a.Value);
    public static Usd operator *(Usd a, decimal factor) => new(a.Value * factor);
    public static Usd operator *(decimal factor, Usd a) => new(a.Value * factor);
    public static Usd operator /(Usd a, decimal divisor) => new(a.Value / divisor);

    /// <summary>The ratio of two amounts (a plain number).</summary>
    public static decimal operator /(Usd a, Usd b) => a.Value / b.Value;

    public static bool operator ==(Usd a, Usd b) => a.Value == b.Value;
    public static bool operator !=(Usd a, Usd b) => a.Value != b.Value;
    public static bool operator <(Usd a, Usd b) => a.Value < b.Value;
    public static bool operator >(Usd a, Usd b) => a.Value > b.Value;
    public static bool operator <=(Usd a, Usd b) => a.Value <= b.Value;
    public static bool operator >=(Usd a, Usd b) => a.Value >= b.Value;

    public bool Equals(Usd other) => Value == other.Value;
    public override bool Equals(object? obj) => obj is Usd other && Equals(other);
    public override int GetHashCode() => Value.GetHashCode();
    public int CompareTo(Usd other) => Value.CompareTo(other.Value);

    /// <summary>The exact amount, e.g. "$0.006" (no rounding, no trailing zeros).</summary>
    public override string ToString() => "$" + Normalized.ToString(CultureInfo.InvariantCulture);
}
