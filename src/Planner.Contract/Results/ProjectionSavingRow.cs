using Planner.Core.Units;

namespace Planner.Contract.Results;

/// <summary>What a model saves against the first in one month (the same runs on both: an 80% interval).</summary>
public sealed record ProjectionSavingRow(int Month, Usd MeanUsd, Usd P10Usd, Usd P50Usd, Usd P90Usd);
