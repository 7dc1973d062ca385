using System.Text.Json;
using System.Text.Json.Serialization;
using Planner.Core.Units;

namespace Planner.Contract.Json;

/// <summary>Writes <see cref="Usd"/> as an exact JSON number, the decimal's own digits with trailing zeros removed
/// (<c>0.036</c>), never through a double; reads a JSON number as an exact decimal.</summary>
public sealed class UsdJsonConverter : JsonConverter<Usd>
{
    public override Usd Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Usd.FromDollars(reader.GetDecimal());

    public override void Write(Utf8JsonWriter writer, Usd value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue(value.Normalized);
    }
}
