using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Planner.Contract.Json;

/// <summary>The one JSON writer of results: the CLI's <c>--json</c> and the web API serialize through
/// <see cref="Context"/>, so they give the same bytes for the same record.</summary>
public static class PlannerJson
{
    /// <summary>The context every shell uses: <see cref="PlannerJsonContext"/>'s options with an encoder that leaves
    /// text readable (<c>'</c>, <c>+</c> and non-ASCII letters as themselves; output is never embedded in HTML unescaped).</summary>
    public static PlannerJsonContext Context { get; } = new(new JsonSerializerOptions(PlannerJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>The UTF-8 JSON of <paramref name="value"/>.</summary>
    public static byte[] ToUtf8<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        return JsonSerializer.SerializeToUtf8Bytes(value, typeInfo);
    }

    /// <summary>Writes <paramref name="value"/> as indented JSON with a final newline and flushes.
    /// <paramref name="typeInfo"/> comes from <see cref="Context"/> (e.g. <c>PlannerJson.Context.CostResult</c>).</summary>
    public static void Write<T>(TextWriter output, T value, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine(Encoding.UTF8.GetString(ToUtf8(value, typeInfo)));
        output.Flush();
    }
}
