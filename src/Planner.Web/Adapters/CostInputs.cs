using Planner.Core.Pricing;

namespace Planner.Web.Adapters;

/// <summary>ADAPTER: the Cost page's inputs (until the contract's <c>CostQuery</c> is wired).</summary>
public sealed record CostInputs(string Model, IReadOnlyList<string> Compare, RequestShape Shape, long RequestsPerDay, DateTimeOffset At)
{
    /// <summary>The model of a first visit: gpt-audio-mini.</summary>
    public const string DefaultModel = "gpt-audio-mini";

    /// <summary>A first visit's audio in: 120 s (two minutes).</summary>
    public const decimal DefaultAudioInSeconds = 120;

    /// <summary>A first visit's audio out: 60 s.</summary>
    public const decimal DefaultAudioOutSeconds = 60;

    /// <summary>A first visit's requests a day: 1,000.</summary>
    public const long DefaultRequestsPerDay = 1_000;

    /// <summary>The most requests a day accepted: 10^9 (a 30-day month of them still sums exactly).</summary>
    public const long MaxRequestsPerDay = 1_000_000_000;

    /// <summary>A month is 30 days, as everywhere in Planner.</summary>
    public const int DaysPerMonth = 30;
}
