namespace Planner.Core.Catalog;

/// <summary>The things a request is billed for, each at its own rate. <see cref="MeterTable"/> holds
/// each meter's names; every per-meter value is indexed in this order.</summary>
public enum Meter
{
    TextInput,
    CachedTextInput,
    AudioInput,
    CachedAudioInput,
    ImageInput,
    CachedImageInput,
    TextOutput,
    AudioOutput,
}
