using System.Text.Json;
using System.Text.Json.Serialization;
using Planner.Contract.Results;

namespace Planner.Contract.Json;

/// <summary>Writes <see cref="MeterRates"/> as <c>{"text_input": 0.6, "cached_input": null, ...}</c> in meter-table order.</summary>
public sealed class MeterRatesJsonConverter : JsonConverter<MeterRates>
{
    public override MeterRates Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(MeterJson.Read(ref reader, static (ref Utf8JsonReader r) => r.TokenType == JsonTokenType.Null ? (decimal?)null : r.GetDecimal()));

    public override void Write(Utf8JsonWriter writer, MeterRates value, JsonSerializerOptions options) =>
        MeterJson.Write(writer, m => value[m], static (w, v) =>
        {
            if (v is { } rate)
            {
                w.WriteNumberValue(ExactDecimalJsonConverter.Trim(rate));
            }
            else
            {
                w.WriteNullValue();
            }
        });
}
