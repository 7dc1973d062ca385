using System.Text;
using Planner.Core.Catalog;
using Planner.Core.Traces;

namespace Planner.Core.Sql;

/// <summary>The meters the pricing query iterates: every value of <see cref="Meter"/>, in order. The query,
/// the column presets and the DuckDB engine are generated from this list, so a new meter needs a row here
/// (its trace column) and nothing else.</summary>
public static class SqlMeters
{
    /// <summary>Every meter, in <see cref="Meter"/> order.</summary>
    public static IReadOnlyList<SqlMeter> All { get; } = Enum.GetValues<Meter>()
        .Select(m => new SqlMeter(m, SnakeCase(m.ToString()), TraceColumn(m), m.ToString().EndsWith("Output", StringComparison.Ordinal)))
        .ToArray();

    /// <summary>The trace format's column for a meter's tokens (docs/trace-format.md).</summary>
    private static string TraceColumn(Meter meter) => meter switch
    {
        Meter.TextInput => TraceColumns.InputTextTokens,
        Meter.CachedInput => TraceColumns.CachedInputTokens,
        Meter.AudioInput => TraceColumns.InputAudioTokens,
        Meter.TextOutput => TraceColumns.OutputTextTokens,
        Meter.AudioOutput => TraceColumns.OutputAudioTokens,
        _ => throw new ArgumentOutOfRangeException(nameof(meter), meter, "no trace column for this meter"),
    };

    /// <summary>"CachedAudioInput" -> "cached_audio_input".</summary>
    private static string SnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        foreach (char c in name)
        {
            if (char.IsUpper(c) && builder.Length > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
