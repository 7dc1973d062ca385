using System.Text.Json.Serialization;
using Planner.Core.Units;

namespace Planner.Contract.Results;

/// <summary>One month of a <c>migrate</c> candidate: the cost before (on the current model) and after the move.</summary>
public sealed record MigrateMonthRow
{
    public required int Month { get; init; }

    public required Usd BeforeUsd { get; init; }

    public required Usd AfterUsd { get; init; }

    /// <summary>After - before.</summary>
    public required Usd ChangeUsd { get; init; }

    /// <summary>The change in percent of before, rounded half away from zero to 2 decimals; null when before is $0.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required decimal? ChangePercent { get; init; }

    /// <summary>True when the current model is shut down for all or part of the month ('before' is what it would have cost).</summary>
    public required bool CurrentShutDown { get; init; }
}
