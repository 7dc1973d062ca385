using Planner.Core.Units;

namespace Planner.Core.Catalog;

/// <summary>One model's prices per 1M tokens from a date on, until the next set's date.</summary>
public sealed record PriceSet
{
    /// <summary>The first day (UTC) these prices apply.</summary>
    public required DateOnly EffectiveFrom { get; init; }

    public required PricePerMillionTokens TextInput { get; init; }

    /// <summary>The cached text input price; null when none is listed (cached tokens then bill at
    /// the text input rate).</summary>
    public PricePerMillionTokens? CachedTextInput { get; init; }

    public required PricePerMillionTokens AudioInput { get; init; }
    public required PricePerMillionTokens TextOutput { get; init; }
    public required PricePerMillionTokens AudioOutput { get; init; }

    /// <summary>Where the prices come from.</summary>
    public required Source Source { get; init; }

    /// <summary>The price that a cached input token is billed at.</summary>
    public PricePerMillionTokens EffectiveCachedInput => CachedTextInput ?? TextInput;

    /// <summary>The price of one meter.</summary>
    public PricePerMillionTokens this[Meter meter] => meter switch
    {
        Meter.TextInput => TextInput,
        Meter.CachedInput => EffectiveCachedInput,
        Meter.AudioInput => AudioInput,
        Meter.TextOutput => TextOutput,
        Meter.AudioOutput => AudioOutput,
        _ => throw new ArgumentOutOfRangeException(nameof(meter), meter, "unknown meter"),
    };

    /// <summary>The first instant (UTC midnight) these prices apply.</summary>
    public DateTimeOffset EffectiveFromInstant => new(EffectiveFrom.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
