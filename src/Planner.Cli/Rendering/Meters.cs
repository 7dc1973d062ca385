using Planner.Core.Catalog;

namespace Planner.Cli.Rendering;

/// <summary>Meter names as users read them and as JSON carries them (rows of <see cref="MeterTable"/>).</summary>
public static class Meters
{
    public static IReadOnlyList<Meter> All => MeterTable.Meters;

    /// <summary>"text_input", "cached_input", "audio_input", ...: the meter's JSON key.</summary>
    public static string JsonName(Meter meter) => meter.Info().JsonKey;

    /// <summary>"Text input", "Cached text input", ...: the meter's table label.</summary>
    public static string Label(Meter meter) => meter.Info().Label;
}
