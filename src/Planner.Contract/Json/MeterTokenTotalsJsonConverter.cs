using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Planner.Contract.Results;

namespace Planner.Contract.Json;

/// <summary>Writes <see cref="MeterTokenTotals"/> as <c>{"text_input": 12000, ...}</c> in meter-table order, exact integers.</summary>
public sealed class MeterTokenTotalsJsonConverter : JsonConverter<MeterTokenTotals>
{
    public override MeterTokenTotals Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(MeterJson.Read(ref reader, static (ref Utf8JsonReader r) => Int128.Parse(r.GetDecimal().ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)));

    public override void Write(Utf8JsonWriter writer, MeterTokenTotals value, JsonSerializerOptions options) =>
        MeterJson.Write(writer, m => value[m], static (w, v) => w.WriteRawValue(v.ToString(CultureInfo.InvariantCulture), skipInputValidation: true));
}
