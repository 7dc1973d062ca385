namespace Planner.Core.Crosscheck;

/// <summary>The result of checking Planner's catalog against reference catalogs.</summary>
public sealed record CrosscheckReport
{
    /// <summary>Every disagreement, by source, then model, then field, in catalog order.</summary>
    public required IReadOnlyList<CrosscheckDisagreement> Disagreements { get; init; }

    /// <summary>Planner models (not snapshots) a source does not list at all.</summary>
    public required IReadOnlyList<(ReferenceSource Source, string Model)> NotListed { get; init; }

    /// <summary>How many (source, model or snapshot) pairs were compared.</summary>
    public required int Compared { get; init; }

    /// <summary>The largest difference in USD per 1M tokens still counted as equal.</summary>
    public required decimal ToleranceUsdPerMillion { get; init; }

    /// <summary>The day whose prices were compared.</summary>
    public required DateOnly At { get; init; }

    /// <summary>True when no figure disagrees.</summary>
    public bool Agrees => Disagreements.Count == 0;
}
