namespace Planner.Core.Ingest;

/// <summary>One Costs API result: what OpenAI billed for a line item on a day.</summary>
/// <param name="Line">The line of the result in its file.</param>
/// <param name="Day">The bucket's UTC day.</param>
/// <param name="LineItem">The line item as billed (null when the export was not grouped by line_item).</param>
/// <param name="ProjectId">The project, when grouped by project.</param>
/// <param name="Amount">The amount in USD, read as a decimal from the JSON text (never through a binary double).</param>
public sealed record BilledCost(long Line, DateOnly Day, string? LineItem, string? ProjectId, decimal Amount);
