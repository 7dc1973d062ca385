using Planner.Core.Catalog;
using Planner.Core.Pricing;
using Planner.Core.Units;

namespace Planner.Core.Traces;

/// <summary>One valid trace row, resolved and priced with the prices in effect at its timestamp.</summary>
/// <param name="Line">The 1-based line number in the file (the header is line 1).</param>
/// <param name="Timestamp">When the request was sent.</param>
/// <param name="Model">The model the row names (or the override).</param>
/// <param name="Usage">The tokens on each meter (audio seconds already converted).</param>
/// <param name="MaxTokens">The max_tokens the request asked for, or null when the row gives none.</param>
/// <param name="Cost">The exact cost.</param>
public readonly record struct TraceRequest(long Line, DateTimeOffset Timestamp, ResolvedModel Model, Usage Usage, TokenCount? MaxTokens, CostBreakdown Cost);
