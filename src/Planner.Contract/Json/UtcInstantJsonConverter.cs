using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Planner.Contract.Json;

/// <summary>Writes an instant as UTC ISO-8601 with a Z and only the fraction it has ("2026-01-15T09:30:00Z",
/// "2026-01-15T09:30:00.25Z"), the form every trace output has used.</summary>
public sealed class UtcInstantJsonConverter : JsonConverter<DateTimeOffset>
{
    /// <summary>The text of an instant.</summary>
    public static string Text(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTimeOffset.Parse(reader.GetString() ?? "", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(Text(value));
    }
}
