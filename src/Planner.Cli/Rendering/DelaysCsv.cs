using System.Globalization;
using Planner.Core.Simulation;

namespace Planner.Cli.Rendering;

/// <summary>Writes each request's outcome and queue delay as a CSV, one line per valid row, as the simulation settles it
/// (memory stays flat: nothing is held).</summary>
public sealed class DelaysCsv : IDisposable
{
    /// <summary>The header line.</summary>
    public const string Header = "line,timestamp,outcome,admitted,queue_delay_seconds,attempts";

    private readonly StreamWriter _writer;

    /// <summary>Creates (or overwrites) <paramref name="path"/> and writes the header.</summary>
    public DelaysCsv(string path)
    {
        _writer = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false), 1 << 16);
        _writer.Write(Header + "\n");
    }

    /// <summary>Writes one outcome.</summary>
    public void Write(RequestOutcome outcome)
    {
        var invariant = CultureInfo.InvariantCulture;
        _writer.Write(outcome.Line.ToString(invariant));
        _writer.Write(',');
        _writer.Write(Instant(outcome.ArrivalTicks));
        _writer.Write(',');
        _writer.Write(outcome.Kind switch
        {
            RequestOutcomeKind.Completed => "completed",
            RequestOutcomeKind.Dropped => "dropped",
            _ => "rejected",
        });
        _writer.Write(',');
        if (outcome.Kind == RequestOutcomeKind.Completed)
        {
            _writer.Write(Instant(outcome.AdmittedTicks));
            _writer.Write(',');
            _writer.Write((outcome.QueueDelay.Ticks / (decimal)TimeSpan.TicksPerSecond).ToString("0.#######", invariant));
        }
        else
        {
            _writer.Write(',');
        }

        _writer.Write(',');
        _writer.Write(outcome.Attempts.ToString(invariant));
        _writer.Write('\n');
    }

    /// <summary>Flushes and closes the file.</summary>
    public void Dispose() => _writer.Dispose();

    /// <summary>An instant, or empty past 9999-12-31 (where a huge backoff or latency setting saturates).</summary>
    private static string Instant(long ticks) => ticks > DateTime.MaxValue.Ticks
        ? ""
        : new DateTime(ticks, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
