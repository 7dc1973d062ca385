using System.Globalization;

namespace Planner.Core.Units;

/// <summary>A non-negative length of audio, exact to the microsecond.</summary>
public readonly struct AudioDuration : IEquatable<AudioDuration>, IComparable<AudioDuration>
{
    private const long MicrosecondsPerSecond = 1_000_000;

    private AudioDuration(long microseconds) => Microseconds = microseconds;

    /// <summary>No audio.</summary>
    public static AudioDuration Zero => default;

    /// <summary>The length in whole microseconds.</summary>
    public long Microseconds { get; }

    /// <summary>The length in seconds, exactly.</summary>
    public decimal Seconds => Microseconds / (decimal)MicrosecondsPerSecond;

    /// <summary>Creates a duration from seconds. Must be >= 0, with at most 6 decimal places.</summary>
    public static AudioDuration FromSeconds(decimal seconds)
    {
        if (!TryFromSeconds(seconds, out var duration, out var error))
        {
            throw new ArgumentOutOfRangeException(nameof(seconds), seconds, error);
        }

        return duration;
    }

    /// <summary>Creates a duration from minutes. Must be >= 0.</summary>
    public static AudioDuration FromMinutes(decimal minutes) => FromSeconds(minutes * 60m);

    /// <summary>Creates a duration from whole microseconds. Must be >= 0.</summary>
    public static AudioDuration FromMicroseconds(long microseconds)
    {
        if (microseconds < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(microseconds), microseconds, "must be >= 0");
        }

        return new AudioDuration(microseconds);
    }

    /// <summary>Creates a duration, or says why it cannot.</summary>
    public static bool TryFromSeconds(decimal seconds, out AudioDuration duration, out string? error)
    {
        duration = default;
        if (seconds < 0)
        {
            error = "must be >= 0";
            return false;
        }

        if (seconds > long.MaxValue / (decimal)MicrosecondsPerSecond)
        {
            // Checked before scaling: seconds x 1,000,000 overflows decimal itself above ~7.9e22 s.
            error = "is too long";
            return false;
        }

        decimal micros = seconds * MicrosecondsPerSecond;
        if (micros != decimal.Truncate(micros))
        {
            error = "must have at most 6 decimal places";
            return false;
        }

        if (micros > long.MaxValue)
        {
            error = "is too long";
            return false;
        }

        duration = new AudioDuration((long)micros);
        error = null;
        return true;
    }

    public static AudioDuration operator +(AudioDuration a, AudioDuration b) => new(checked(a.Microseconds + b.Microseconds));

    public static bool operator ==(AudioDuration a, AudioDuration b) => a.Microseconds == b.Microseconds;
    public static bool operator !=(AudioDuration a, AudioDuration b) => a.Microseconds != b.Microseconds;
    public static bool operator <(AudioDuration a, AudioDuration b) => a.Microseconds < b.Microseconds;
    public static bool operator >(AudioDuration a, AudioDuration b) => a.Microseconds > b.Microseconds;
    public static bool operator <=(AudioDuration a, AudioDuration b) => a.Microseconds <= b.Microseconds;
    public static bool operator >=(AudioDuration a, AudioDuration b) => a.Microseconds >= b.Microseconds;

    public bool Equals(AudioDuration other) => Microseconds == other.Microseconds;
    public override bool Equals(object? obj) => obj is AudioDuration other && Equals(other);
    public override int GetHashCode() => Microseconds.GetHashCode();
    public int CompareTo(AudioDuration other) => Microseconds.CompareTo(other.Microseconds);

    /// <summary>"120 s".</summary>
    public override string ToString() => (Seconds / 1.000000m).ToString(CultureInfo.InvariantCulture) + " s";
}
