using System.Globalization;

namespace Planner.Core.Units;

/// <summary>A non-negative whole number of tokens.</summary>
/// <remarks>Tokens are not dollars and not seconds: only the operators that make sense exist
/// (tokens + tokens, tokens x price -> USD).</remarks>
public readonly struct TokenCount : IEquatable<TokenCount>, IComparable<TokenCount>
{
    /// <summary>Creates a count. Must be >= 0.</summary>
    public TokenCount(long value)
    {
        if (value < 0)
        {
            Throw.NegativeTokens(value);
        }

        Value = value;
    }

    /// <summary>The most tokens one request may carry on one meter: 1,000,000,000. No model's context
    /// window comes near it, and it keeps every per-request sum and cost exact in 64 bits; inputs
    /// (options, trace fields, audio converted to tokens) are checked against it at the edge.</summary>
    public const long MaxPerRequest = 1_000_000_000;

    /// <summary>No tokens.</summary>
    public static TokenCount Zero => default;

    /// <summary>The number of tokens.</summary>
    public long Value { get; }

    /// <summary>Creates a count. Must be >= 0.</summary>
    public static TokenCount From(long value) => new(value);

    public static TokenCount operator +(TokenCount a, TokenCount b) => new(checked(a.Value + b.Value));

    /// <summary>The difference; throws when it would be negative.</summary>
    public static TokenCount operator -(TokenCount a, TokenCount b) => new(checked(a.Value - b.Value));

    public static TokenCount operator *(TokenCount a, long times) => new(checked(a.Value * times));

    public static bool operator ==(TokenCount a, TokenCount b) => a.Value == b.Value;
    public static bool operator !=(TokenCount a, TokenCount b) => a.Value != b.Value;
    public static bool operator <(TokenCount a, TokenCount b) => a.Value < b.Value;
    public static bool operator >(TokenCount a, TokenCount b) => a.Value > b.Value;
    public static bool operator <=(TokenCount a, TokenCount b) => a.Value <= b.Value;
    public static bool operator >=(TokenCount a, TokenCount b) => a.Value >= b.Value;

    public static TokenCount Max(TokenCount a, TokenCount b) => a.Value >= b.Value ? a : b;
    public static TokenCount Min(TokenCount a, TokenCount b) => a.Value <= b.Value ? a : b;

    public bool Equals(TokenCount other) => Value == other.Value;
    public override bool Equals(object? obj) => obj is TokenCount other && Equals(other);
    public override int GetHashCode() => Value.GetHashCode();
    public int CompareTo(TokenCount other) => Value.CompareTo(other.Value);

    /// <summary>"16,384 tokens".</summary>
    public override string ToString() => Value.ToString("N0", CultureInfo.InvariantCulture) + (Value == 1 ? " token" : " tokens");
}
