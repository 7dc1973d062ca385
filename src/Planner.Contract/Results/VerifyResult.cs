using System.Text.Json.Serialization;

namespace Planner.Contract.Results;

/// <summary>The result of <c>verify</c>: a valid catalog's figures against its golden snapshot, or the snapshot written.</summary>
public sealed record VerifyResult
{
    /// <summary>The catalog, named as the user would type it.</summary>
    [JsonPropertyName("catalog")]
    public required string CatalogPath { get; init; }

    /// <summary>True when the catalog checked is the copy bundled with planner.</summary>
    public required bool BundledCopy { get; init; }

    /// <summary>The golden snapshot, named as the user would type it.</summary>
    [JsonPropertyName("golden")]
    public required string GoldenPath { get; init; }

    /// <summary>Always true: an invalid catalog is an error, not a result.</summary>
    public bool Valid => true;

    /// <summary>True when the snapshot was written instead of checked.</summary>
    public required bool GoldenUpdated { get; init; }

    public required int Models { get; init; }

    /// <summary>The figures the snapshot pins.</summary>
    public required int Figures { get; init; }

    /// <summary>True when no figure differs.</summary>
    public bool Matches => Mismatches.Count == 0;

    /// <summary>Each figure that differs, "gpt-audio text_input: golden 2.5, catalog 2.0" style.</summary>
    public required IReadOnlyList<string> Mismatches { get; init; }

    /// <summary>The snapshot text to write when <see cref="GoldenUpdated"/> (the shell writes the file).</summary>
    [JsonIgnore]
    public string? GoldenText { get; init; }
}
