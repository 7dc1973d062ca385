using System.Globalization;

namespace Planner.Core.Units;

/// <summary>A request rate limit (RPM).</summary>
public readonly record struct RequestsPerMinute(long Value) : IComparable<RequestsPerMinute>
{
    public int CompareTo(RequestsPerMinute other) => Value.CompareTo(other.Value);

    public override string ToString() => Value.ToString("N0", CultureInfo.InvariantCulture) + " RPM";
}
