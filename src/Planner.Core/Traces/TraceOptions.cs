using Planner.Core.Catalog;

namespace Planner.Core.Traces;

/// <summary>How a trace is read.</summary>
public sealed record TraceOptions
{
    /// <summary>When true, bad rows are counted and listed (the first 20) and excluded; when false
    /// (the default) the first bad row stops the read with file:line and the reason.</summary>
    public bool SkipInvalid { get; init; }

    /// <summary>Audio-token rates to use instead of the catalog's (an override the output states), or null.</summary>
    public AudioTokenRates? AudioTokenRates { get; init; }

    /// <summary>When true, reaching the end of a trace without one valid request throws a
    /// <see cref="PlannerException"/> (a header-only trace, or every row rejected): the calculator's one
    /// rule for every command that reads traces. The default value is false (a library caller may want an empty sum).</summary>
    public bool RequireRequests { get; init; }

    /// <summary>Price every row on this model instead of the row's own (what-if), or null.</summary>
    public string? ModelOverride { get; init; }
}
