using System.Text.Json;
using System.Text.Json.Serialization;

namespace Planner.Contract.Json;

/// <summary>Writes a <see cref="decimal"/> (a rate, a ratio) as an exact JSON number with trailing zeros removed
/// (<c>1.5</c>, not <c>1.500</c>).</summary>
public sealed class ExactDecimalJsonConverter : JsonConverter<decimal>
{
    /// <summary>The same number with trailing zeros removed.</summary>
    public static decimal Trim(decimal value) => value / 1.0000000000000000000000000000m;

    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDecimal();

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue(Trim(value));
    }
}
