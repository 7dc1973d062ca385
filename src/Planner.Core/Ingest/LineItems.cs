using Planner.Core.Catalog;

namespace Planner.Core.Ingest;

/// <summary>Costs API line items ("gpt-audio-mini-2025-12-15, input audio", "realtime api | gpt-4o-realtime-preview-2024-12-17
/// audio, cached input") parsed into a model and a meter with one table of phrases.</summary>
public static class LineItems
{
    /// <summary>Every phrase OpenAI writes after the model, normalised (lower case, single spaces), with its meter.</summary>
    public static IReadOnlyList<(string Phrase, Meter Meter)> Phrases { get; } =
    [
        ("input", Meter.TextInput),
        ("text, input", Meter.TextInput),
        ("text input", Meter.TextInput),
        ("input text", Meter.TextInput),
        ("cached input", Meter.CachedTextInput),
        ("text, cached input", Meter.CachedTextInput),
        ("cached text input", Meter.CachedTextInput),
        ("output", Meter.TextOutput),
        ("text, output", Meter.TextOutput),
        ("text output", Meter.TextOutput),
        ("output text", Meter.TextOutput),
        ("input audio", Meter.AudioInput),
        ("audio, input", Meter.AudioInput),
        ("audio input", Meter.AudioInput),
        ("cached input audio", Meter.CachedAudioInput),
        ("audio, cached input", Meter.CachedAudioInput),
        ("cached audio input", Meter.CachedAudioInput),
        ("output audio", Meter.AudioOutput),
        ("audio, output", Meter.AudioOutput),
        ("audio output", Meter.AudioOutput),
        ("input image", Meter.ImageInput),
        ("image, input", Meter.ImageInput),
        ("image input", Meter.ImageInput),
        ("cached input image", Meter.CachedImageInput),
        ("image, cached input", Meter.CachedImageInput),
        ("cached image input", Meter.CachedImageInput),
    ];

    /// <summary>Splits a line item into its model (resolved to its billing id when the catalog knows it) and meter.</summary>
    /// <returns>False when the phrase after the model is not in <see cref="Phrases"/> (the item is then listed as unparsed).</returns>
    public static bool TryParse(string lineItem, ModelCatalog catalog, out string model, out Meter meter)
    {
        ArgumentNullException.ThrowIfNull(lineItem);
        ArgumentNullException.ThrowIfNull(catalog);
        model = "";
        meter = default;
        string text = lineItem.Trim();
        int bar = text.LastIndexOf('|');
        if (bar >= 0)
        {
            // "realtime api | ...": the API's name before the bar.
            text = text[(bar + 1)..].Trim();
        }

        int end = text.IndexOfAny([' ', ',']);
        if (end <= 0)
        {
            return false;
        }

        string name = text[..end];
        string phrase = string.Join(' ', text[end..].TrimStart(',', ' ').ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        foreach (var (known, knownMeter) in Phrases)
        {
            if (known == phrase)
            {
                model = catalog.TryResolve(name, out var resolved) ? resolved.BillingId : name;
                meter = knownMeter;
                return true;
            }
        }

        return false;
    }
}
