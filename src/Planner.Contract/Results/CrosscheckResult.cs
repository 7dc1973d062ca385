namespace Planner.Contract.Results;

/// <summary>The result of <c>crosscheck</c>: Planner's catalog against reference catalogs (LiteLLM, genai-prices) on one day.</summary>
public sealed record CrosscheckResult
{
    /// <summary>The day whose prices were compared.</summary>
    public required DateOnly At { get; init; }

    /// <summary>Prices within this many USD per 1M tokens are equal.</summary>
    [System.Text.Json.Serialization.JsonPropertyName("tolerance_usd_per_1m")]
    public required decimal ToleranceUsdPer1m { get; init; }

    /// <summary>The reference files, in the order given.</summary>
    public required IReadOnlyList<CrosscheckSource> Sources { get; init; }

    /// <summary>Models and snapshots compared.</summary>
    public required int Compared { get; init; }

    /// <summary>True when there is no disagreement.</summary>
    public required bool Agrees { get; init; }

    public required IReadOnlyList<CrosscheckDisagreementRow> Disagreements { get; init; }

    /// <summary>Planner's models a reference does not list (not a disagreement).</summary>
    public required IReadOnlyList<CrosscheckNotListed> NotListed { get; init; }

    public required IReadOnlyList<WarningItem> Warnings { get; init; }
}
