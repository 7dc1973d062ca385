namespace Planner.Core.Catalog;

/// <summary>The five things a request is billed for, each at its own rate.</summary>
public enum Meter
{
    TextInput,
    CachedInput,
    AudioInput,
    TextOutput,
    AudioOutput,
}
