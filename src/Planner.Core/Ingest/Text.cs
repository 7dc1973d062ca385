using System.Globalization;

namespace Planner.Core.Ingest;

/// <summary>How input text and instants appear in messages.</summary>
internal static class Text
{
    /// <summary>A value as shown in a message: quoted, on one line, shortened (the shared <see cref="InputText"/> rule).</summary>
    public static string Show(ReadOnlySpan<byte> span) => InputText.Quote(span);

    public static string Instant(long ticks) =>
        new DateTime(ticks, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    /// <summary>Unix seconds as UTC ticks, or false when out of range.</summary>
    public static bool TryUnixSeconds(long seconds, out long ticks)
    {
        ticks = 0;
        if (seconds < 0 || seconds > 253_402_300_799)
        {
            return false;
        }

        ticks = DateTime.UnixEpoch.Ticks + (seconds * TimeSpan.TicksPerSecond);
        return true;
    }
}
