using System.Text.Json.Serialization;
using Planner.Contract.Results;

namespace Planner.Contract.Json;

/// <summary>The one source-generated JSON context of every result: snake_case keys, indented, money as exact
/// numbers (<see cref="UsdJsonConverter"/>), decimals with trailing zeros removed, null members omitted.
/// Add one <c>[JsonSerializable]</c> line per result. Write with <see cref="PlannerJson"/>, whose
/// <see cref="PlannerJson.Context"/> adds the output encoder (the CLI and the web use the same instance).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(UsdJsonConverter), typeof(ExactDecimalJsonConverter)])]
[JsonSerializable(typeof(CostResult))]
[JsonSerializable(typeof(CompareResult))]
[JsonSerializable(typeof(CapacityResult))]
[JsonSerializable(typeof(CallCapacityResult))]
[JsonSerializable(typeof(LimitsResult))]
[JsonSerializable(typeof(LimitsModel))]
[JsonSerializable(typeof(ModelsResult))]
[JsonSerializable(typeof(CallResult))]
[JsonSerializable(typeof(ConversationResult))]
// contract-b: price, simulate, recommend, project, reconcile, calibrate, diff, crosscheck.
[JsonSerializable(typeof(PriceResult))]
[JsonSerializable(typeof(SimulateResult))]
[JsonSerializable(typeof(RecommendResult))]
[JsonSerializable(typeof(ProjectResult))]
// contract-b: end.
// rest: migrate, verify, diff.
[JsonSerializable(typeof(MigrateResult))]
[JsonSerializable(typeof(VerifyResult))]
[JsonSerializable(typeof(GenerateTraceResult))]
[JsonSerializable(typeof(DiffResult))]
// rest: end.
// contract-c: reconcile, calibrate, crosscheck, diff.
[JsonSerializable(typeof(ReconcileResult))]
[JsonSerializable(typeof(CalibrateResult))]
[JsonSerializable(typeof(CrosscheckResult))]
// contract-c: end.
public sealed partial class PlannerJsonContext : JsonSerializerContext;
