using System.Diagnostics.CodeAnalysis;

namespace Planner.Core.Units;

/// <summary>Throw helpers keep hot constructors small (STYLE.md §4).</summary>
internal static class Throw
{
    [DoesNotReturn]
    public static void NegativeTokens(long value) =>
        throw new ArgumentOutOfRangeException("value", value, $"a token count must be >= 0, got {value}");
}
