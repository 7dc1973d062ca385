namespace Planner.Core.Catalog;

/// <summary>One row of <see cref="MeterTable"/>: a meter and every name it goes by.</summary>
/// <param name="Meter">The meter.</param>
/// <param name="JsonKey">Its key in JSON breakdowns and token objects ("cached_audio_input").</param>
/// <param name="TraceColumn">Its token column in a trace CSV ("cached_input_audio_tokens").</param>
/// <param name="Label">How a table labels it ("Cached audio input").</param>
/// <param name="PriceField">Its price field in a catalog price set ("cached_audio_input").</param>
/// <param name="Direction">Input or output.</param>
/// <param name="CachedFormOf">For a cached meter, the input meter it is the cached form of; else null.</param>
public sealed record MeterInfo(
    Meter Meter,
    string JsonKey,
    string TraceColumn,
    string Label,
    string PriceField,
    MeterDirection Direction,
    Meter? CachedFormOf = null)
{
    /// <summary>The label in running text ("cached audio input").</summary>
    public string Noun => Label.ToLowerInvariant();

    /// <summary>True for a cached input meter.</summary>
    public bool IsCached => CachedFormOf is not null;
}
