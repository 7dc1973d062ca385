using Planner.Core.Units;

namespace Planner.Core.Catalog;

/// <summary>One model's prices per 1M tokens from a date on, until the next set's date. It lists
/// the meters the model has: a meter without a price is not billable on this model, except a cached
/// input meter, which bills at its input meter's rate when no cached price is listed.</summary>
public sealed record PriceSet
{
    private MeterValues<PricePerMillionTokens?> _listed = default;

    /// <summary>The first day (UTC) these prices apply.</summary>
    public required DateOnly EffectiveFrom { get; init; }

    public PricePerMillionTokens? TextInput { get => _listed[Meter.TextInput]; init => _listed[Meter.TextInput] = value; }

    /// <summary>The cached text input price; null when none is listed (cached tokens then bill at
    /// the text input rate).</summary>
    public PricePerMillionTokens? CachedTextInput { get => _listed[Meter.CachedTextInput]; init => _listed[Meter.CachedTextInput] = value; }

    public PricePerMillionTokens? AudioInput { get => _listed[Meter.AudioInput]; init => _listed[Meter.AudioInput] = value; }

    /// <summary>The cached audio input price; null when none is listed (then the audio input rate).</summary>
    public PricePerMillionTokens? CachedAudioInput { get => _listed[Meter.CachedAudioInput]; init => _listed[Meter.CachedAudioInput] = value; }

    public PricePerMillionTokens? ImageInput { get => _listed[Meter.ImageInput]; init => _listed[Meter.ImageInput] = value; }

    /// <summary>The cached image input price; null when none is listed (then the image input rate).</summary>
    public PricePerMillionTokens? CachedImageInput { get => _listed[Meter.CachedImageInput]; init => _listed[Meter.CachedImageInput] = value; }

    public PricePerMillionTokens? TextOutput { get => _listed[Meter.TextOutput]; init => _listed[Meter.TextOutput] = value; }
    public PricePerMillionTokens? AudioOutput { get => _listed[Meter.AudioOutput]; init => _listed[Meter.AudioOutput] = value; }

    /// <summary>Where the prices come from.</summary>
    public required Source Source { get; init; }

    /// <summary>The price that a cached text input token is billed at (null when text input is not priced).</summary>
    public PricePerMillionTokens? EffectiveCachedInput => this[Meter.CachedTextInput];

    /// <summary>The price listed for one meter, or null when none is listed.</summary>
    public PricePerMillionTokens? Listed(Meter meter) => _listed[meter];

    /// <summary>The price one meter bills at: the listed price, for a cached meter without one its input
    /// meter's price, else null (the model cannot bill that meter).</summary>
    public PricePerMillionTokens? this[Meter meter] =>
        _listed[meter] ?? (meter.Info().CachedFormOf is { } input ? _listed[input] : null);

    /// <summary>True when the meter bills at some price on this model.</summary>
    public bool Prices(Meter meter) => this[meter] is not null;

    /// <summary>True for a cached meter with no price of its own that bills at its input meter's rate.</summary>
    public bool BillsAtInputRate(Meter meter) =>
        _listed[meter] is null && meter.Info().CachedFormOf is { } input && _listed[input] is not null;

    /// <summary>The first instant (UTC midnight) these prices apply.</summary>
    public DateTimeOffset EffectiveFromInstant => new(EffectiveFrom.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
