using System.Text.Json;
using Planner.Core.Catalog;

namespace Planner.Contract.Json;

/// <summary>Reads and writes a per-meter JSON object: one key per row of <see cref="MeterTable"/>, in table order.</summary>
internal static class MeterJson
{
    public delegate T ReadValue<out T>(ref Utf8JsonReader reader);

    public static void Write<T>(Utf8JsonWriter writer, Func<Meter, T> value, Action<Utf8JsonWriter, T> write)
    {
        writer.WriteStartObject();
        foreach (var meter in MeterTable.All)
        {
            writer.WritePropertyName(meter.JsonKey);
            write(writer, value(meter.Meter));
        }

        writer.WriteEndObject();
    }

    public static MeterValues<T> Read<T>(ref Utf8JsonReader reader, ReadValue<T> read)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("a per-meter value must be an object keyed by meter");
        }

        var values = default(MeterValues<T>);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            string key = reader.GetString() ?? "";
            var row = MeterTable.All.FirstOrDefault(m => m.JsonKey == key) ?? throw new JsonException($"unknown meter '{key}'");
            reader.Read();
            values[row.Meter] = read(ref reader);
        }

        return values;
    }
}
