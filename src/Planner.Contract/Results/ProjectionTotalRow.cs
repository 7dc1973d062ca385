namespace Planner.Contract.Results;

/// <summary>The whole horizon in all (each run's months summed): its distribution.</summary>
public sealed record ProjectionTotalRow
{
    public required int Months { get; init; }

    public required Planner.Core.Units.Usd MeanUsd { get; init; }

    public required Planner.Core.Units.Usd P10Usd { get; init; }

    public required Planner.Core.Units.Usd P50Usd { get; init; }

    public required Planner.Core.Units.Usd P90Usd { get; init; }

    public required Planner.Core.Units.Usd P99Usd { get; init; }
}
