using System.Text.Json;
using System.Text.Json.Serialization;
using Planner.Contract.Results;
using Planner.Core.Units;

namespace Planner.Contract.Json;

/// <summary>Writes <see cref="MeterAmounts"/> as <c>{"text_input": 0.0012, ...}</c>, exact numbers in meter-table order.</summary>
public sealed class MeterAmountsJsonConverter : JsonConverter<MeterAmounts>
{
    public override MeterAmounts Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(MeterJson.Read(ref reader, static (ref Utf8JsonReader r) => Usd.FromDollars(r.GetDecimal())));

    public override void Write(Utf8JsonWriter writer, MeterAmounts value, JsonSerializerOptions options) =>
        MeterJson.Write(writer, m => value[m], static (w, v) => w.WriteNumberValue(v.Normalized));
}
