using System.Runtime.CompilerServices;

namespace Planner.Core.Catalog;

/// <summary>One value per meter, stored inline (no allocation) and indexed by <see cref="Meter"/>.
/// Usage, price sheets, breakdowns and totals are built on it, so they loop over meters instead of
/// naming them.</summary>
[InlineArray(MeterTable.Count)]
public struct MeterValues<T> : IEquatable<MeterValues<T>>
{
    private T _element0;

    /// <summary>The value of one meter.</summary>
    public T this[Meter meter]
    {
        readonly get => ((ReadOnlySpan<T>)this)[(int)meter];
        set => ((Span<T>)this)[(int)meter] = value;
    }

    public readonly bool Equals(MeterValues<T> other)
    {
        ReadOnlySpan<T> a = this;
        ReadOnlySpan<T> b = other;
        for (int i = 0; i < a.Length; i++)
        {
            if (!EqualityComparer<T>.Default.Equals(a[i], b[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override readonly bool Equals(object? obj) => obj is MeterValues<T> other && Equals(other);

    public override readonly int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var value in (ReadOnlySpan<T>)this)
        {
            hash.Add(value);
        }

        return hash.ToHashCode();
    }

    public static bool operator ==(MeterValues<T> a, MeterValues<T> b) => a.Equals(b);
    public static bool operator !=(MeterValues<T> a, MeterValues<T> b) => !a.Equals(b);
}
