using Planner.Core.Catalog;

namespace Planner.Core.Crosscheck;

/// <summary>A reference catalog read from a file: its models and how a Planner model id finds its entry.</summary>
public sealed class ReferenceCatalog
{
    private readonly Func<string, ReferenceModel?> _find;

    public ReferenceCatalog(ReferenceSource source, string file, int representedMask, Func<string, ReferenceModel?> find)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(find);
        Source = source;
        File = file;
        RepresentedMask = representedMask;
        _find = find;
    }

    public ReferenceSource Source { get; }

    /// <summary>The file it was read from.</summary>
    public string File { get; }

    /// <summary>Bit i set for every meter i the file's format can price (genai-prices has no image meters).</summary>
    public int RepresentedMask { get; }

    /// <summary>True when the format has a field for the meter.</summary>
    public bool Represents(Meter meter) => ((RepresentedMask >> (int)meter) & 1) != 0;

    /// <summary>The entry a Planner model or snapshot id resolves to, or null.</summary>
    public ReferenceModel? Find(string id) => _find(id);

    /// <summary>"LiteLLM" or "genai-prices".</summary>
    public static string Name(ReferenceSource source) => source == ReferenceSource.LiteLlm ? "LiteLLM" : "genai-prices";
}
