using Planner.Core.Catalog;

namespace Planner.Cli.Rendering;

/// <summary>Meter names as users read them and as JSON carries them.</summary>
public static class Meters
{
    public static IReadOnlyList<Meter> All { get; } = Enum.GetValues<Meter>();

    /// <summary>"text_input", "cached_input", "audio_input", "text_output", "audio_output".</summary>
    public static string JsonName(Meter meter) => meter switch
    {
        Meter.TextInput => "text_input",
        Meter.CachedInput => "cached_input",
        Meter.AudioInput => "audio_input",
        Meter.TextOutput => "text_output",
        Meter.AudioOutput => "audio_output",
        _ => throw new ArgumentOutOfRangeException(nameof(meter), meter, "unknown meter"),
    };

    public static string Label(Meter meter) => meter switch
    {
        Meter.TextInput => "Text input",
        Meter.CachedInput => "Cached input",
        Meter.AudioInput => "Audio input",
        Meter.TextOutput => "Text output",
        Meter.AudioOutput => "Audio output",
        _ => throw new ArgumentOutOfRangeException(nameof(meter), meter, "unknown meter"),
    };
}
