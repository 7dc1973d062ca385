using System.Text.Json.Serialization;

namespace Planner.Web.Api;

/// <summary>The web's own JSON (error answers, and the adapters' results until the contract's records exist); snake_case
/// like the contract's context, money as exact JSON numbers.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = false,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ApiErrors))]
[JsonSerializable(typeof(List<Pages.HoverMonth>))]
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
