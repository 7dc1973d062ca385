using System.Text.Json.Serialization;
using Planner.Contract.Queries;

namespace Planner.Web.Api;

/// <summary>The web's own JSON (error answers, the projection page's hover data); snake_case like the contract's context,
/// money as exact JSON numbers. It also gives /openapi.json the metadata of the types the endpoints name that the
/// contract's context has not: the query records a POST accepts (<c>Accepts&lt;TQuery&gt;</c>) and the 400 answer, so the
/// document is built from source-generated metadata alone (no reflection resolver, Native AOT safe).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = false,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ApiErrors))]
[JsonSerializable(typeof(List<Pages.HoverMonth>))]
// The bodies of ApiEndpoints.Endpoint's POSTs (the upload endpoints document their multipart bodies by hand).
[JsonSerializable(typeof(CostQuery))]
[JsonSerializable(typeof(CompareQuery))]
[JsonSerializable(typeof(CapacityQuery))]
[JsonSerializable(typeof(LimitsQuery))]
[JsonSerializable(typeof(ModelsQuery))]
[JsonSerializable(typeof(CallQuery))]
[JsonSerializable(typeof(ConversationQuery))]
[JsonSerializable(typeof(ProjectQuery))]
internal sealed partial class WebJsonContext : JsonSerializerContext
{
    /// <summary>The context with the same readable encoder as the contract's (<c>'</c> as itself, not <c>\u0027</c>).</summary>
    public static WebJsonContext Relaxed { get; } = new(new System.Text.Json.JsonSerializerOptions
    {
        PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
