using Planner.Core.Pricing;

namespace Planner.Web.Adapters;

/// <summary>ADAPTER: the Projection page's inputs (until contract-b's <c>ProjectQuery</c> is wired).</summary>
public sealed record ProjectionInputs(string Model, IReadOnlyList<string> CompareModels, RequestShape Shape, decimal RequestsPerDay, decimal RequestsPerDaySd,
    int Months, decimal Growth, decimal? Budget, string? MigrateTo, DateOnly Start, int Runs, int Seed)
{
    /// <summary>The most months the page projects: 60 (the CLI goes to 600).</summary>
    public const int MaxMonths = 60;

    /// <summary>The most Monte Carlo runs a page asks for: 100,000 (each request has a time limit).</summary>
    public const int MaxRuns = 100_000;
}
