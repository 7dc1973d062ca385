using System.Globalization;

namespace Planner.Core.Units;

/// <summary>A token rate limit (TPM).</summary>
public readonly record struct TokensPerMinute(long Value) : IComparable<TokensPerMinute>
{
    public int CompareTo(TokensPerMinute other) => Value.CompareTo(other.Value);

    public override string ToString() => Value.ToString("N0", CultureInfo.InvariantCulture) + " TPM";
}
