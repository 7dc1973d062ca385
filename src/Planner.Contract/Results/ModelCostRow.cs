using Planner.Core.Units;

namespace Planner.Contract.Results;

/// <summary>The cost of one model's requests in a trace, per meter and in total.</summary>
public sealed record ModelCostRow(string Model, long Requests, Usd TotalUsd, MeterAmounts ByMeterUsd);
