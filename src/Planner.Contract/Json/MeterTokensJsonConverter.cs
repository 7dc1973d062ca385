using System.Text.Json;
using System.Text.Json.Serialization;
using Planner.Contract.Results;

namespace Planner.Contract.Json;

/// <summary>Writes <see cref="MeterTokens"/> as <c>{"text_input": 500, ...}</c> in meter-table order.</summary>
public sealed class MeterTokensJsonConverter : JsonConverter<MeterTokens>
{
    public override MeterTokens Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(MeterJson.Read(ref reader, static (ref Utf8JsonReader r) => r.GetInt64()));

    public override void Write(Utf8JsonWriter writer, MeterTokens value, JsonSerializerOptions options) =>
        MeterJson.Write(writer, m => value[m], static (w, v) => w.WriteNumberValue(v));
}
