namespace Planner.Core.Catalog;

/// <summary>The one table of meters: adding a meter is one row here and one value in <see cref="Meter"/>.</summary>
/// <remarks>Token counts on the meters are disjoint: cached tokens are not inside their input meter's count.</remarks>
public static class MeterTable
{
    /// <summary>The number of meters (the length of every per-meter value).</summary>
    public const int Count = 8;

    /// <summary>Every meter, in <see cref="Meter"/> order (row i is meter i).</summary>
    public static IReadOnlyList<MeterInfo> All { get; } =
    [
        new(Meter.TextInput, "text_input", "input_text_tokens", "Text input", "text_input", MeterDirection.Input),
        new(Meter.CachedTextInput, "cached_input", "cached_input_tokens", "Cached text input", "cached_text_input", MeterDirection.Input, Meter.TextInput),
        new(Meter.AudioInput, "audio_input", "input_audio_tokens", "Audio input", "audio_input", MeterDirection.Input),
        new(Meter.CachedAudioInput, "cached_audio_input", "cached_input_audio_tokens", "Cached audio input", "cached_audio_input", MeterDirection.Input, Meter.AudioInput),
        new(Meter.ImageInput, "image_input", "input_image_tokens", "Image input", "image_input", MeterDirection.Input),
        new(Meter.CachedImageInput, "cached_image_input", "cached_input_image_tokens", "Cached image input", "cached_image_input", MeterDirection.Input, Meter.ImageInput),
        new(Meter.TextOutput, "text_output", "output_text_tokens", "Text output", "text_output", MeterDirection.Output),
        new(Meter.AudioOutput, "audio_output", "output_audio_tokens", "Audio output", "audio_output", MeterDirection.Output),
    ];

    /// <summary>Every meter, in order.</summary>
    public static IReadOnlyList<Meter> Meters { get; } = [.. All.Select(m => m.Meter)];

    /// <summary>Bit i set for every input meter i (for loops on the hot path).</summary>
    public static readonly int InputMask = MaskOf(MeterDirection.Input);

    /// <summary>Bit i set for every output meter i.</summary>
    public static readonly int OutputMask = MaskOf(MeterDirection.Output);

    /// <summary>The row of one meter.</summary>
    public static MeterInfo Info(this Meter meter) => All[(int)meter];

    private static int MaskOf(MeterDirection direction)
    {
        int mask = 0;
        foreach (var row in All)
        {
            if (row.Direction == direction)
            {
                mask |= 1 << (int)row.Meter;
            }
        }

        return mask;
    }
}
