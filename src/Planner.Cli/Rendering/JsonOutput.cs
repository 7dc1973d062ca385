using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Planner.Core.Units;

namespace Planner.Cli.Rendering;

/// <summary>Writes a JSON document to the command's output. Money is written as an exact JSON
/// number from the decimal (never through a double), with trailing zeros removed.</summary>
public static class JsonOutput
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Builds a document with <paramref name="write"/> and writes it, with a final newline.</summary>
    public static void Write(TextWriter output, Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(write);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            write(writer);
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        output.Flush();
    }

    /// <summary>An exact USD amount as a JSON number.</summary>
    public static void WriteUsd(this Utf8JsonWriter writer, string name, Usd amount)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumber(name, amount.Normalized);
    }

    /// <summary>An exact decimal as a JSON number, trailing zeros removed.</summary>
    public static void WriteDecimal(this Utf8JsonWriter writer, string name, decimal value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumber(name, value / 1.0000000000000000000000000000m);
    }
}
