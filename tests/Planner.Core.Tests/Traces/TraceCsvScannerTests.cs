using System.Text;
using CsvHelper;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Planner.Core.Traces;

namespace Planner.Core.Tests.Traces;

/// <summary>Planner's CSV scanner against CsvHelper (the reader it replaced on the trace path, read with the options the
/// trace reader gave it): on any text of commas, quotes, CR, LF and a few letters, read whole or trickled a few bytes
/// at a time (so every record and CR LF falls across a buffer refill somewhere), both give the same records on the same
/// lines with the same fields, and call the same records malformed in the same field.</summary>
public class TraceCsvScannerTests
{
    private static readonly string[] Pieces = [",", ",", ",", "\"", "\"\"", "\n", "\n", "\r\n", "\r", "a", "1", "12", " ", "x y", "é", "\t", "\uFEFF"];

    public sealed record CsvText(string Text, int Trickle)
    {
        public override string ToString() => $"trickle {Trickle}: {Text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)}";
    }

    public static class CsvArbitraries
    {
        public static Arbitrary<CsvText> Texts() => Arb.From(
            from pieces in Gen.Sized(size => Gen.Choose(0, 6 * Math.Max(size, 1)).SelectMany(n => Gen.ListOf(Gen.Elements(Pieces), n)))
            from trickle in Gen.Elements(0, 1, 2, 3, 7)
            select new CsvText(string.Concat(pieces), trickle));
    }

    /// <summary>One record as a reader saw it: line, fields (of a well-formed record) and where its quoting went wrong.</summary>
    private sealed record Seen(long Line, string Fields, int? MalformedField);

    [Property(Arbitrary = [typeof(CsvArbitraries)], MaxTest = 400)]
    public void Scanner_ReadsEveryTextLikeCsvHelper(CsvText text)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text.Text);

        Scanned(bytes, text.Trickle).Should().Equal(CsvHelperRead(bytes), text.ToString());
    }

    [Fact]
    public void Scanner_LongTraceAcrossManyBuffers_ReadsLikeCsvHelper()
    {
        // Rows of every shape, 200 KB in all: many 4 KiB buffer refills, each boundary at a different place in a row.
        var text = new StringBuilder();
        var random = new Random(7);
        for (int i = 0; i < 3_000; i++)
        {
            text.Append(random.Next(6) switch
            {
                0 => "2026-01-15T09:00:00Z,gpt-audio-mini,1,2,3,4,5,,r\r\n",
                1 => "2026-01-15T09:00:00Z,\"gpt,audio\",\"1\"\"2\",,,\n",
                2 => "\n",
                3 => "a,\"unclosed,b\n",
                4 => "\"x\"y,z\r",
                _ => new string('9', random.Next(1, 120)) + ",x\n",
            });
        }

        byte[] bytes = Encoding.UTF8.GetBytes(text.ToString());

        Scanned(bytes, trickle: 0, bufferSize: 4096).Should().Equal(CsvHelperRead(bytes));
        Scanned(bytes, trickle: 5, bufferSize: 4096).Should().Equal(CsvHelperRead(bytes));
    }

    [Theory]
    [InlineData("a,b\r\nc", 2L)]
    [InlineData("\n\n\na", 4L)]
    [InlineData("\uFEFFa,b\nc", 2L)]
    public void Scanner_CountsEveryLineBreakOnce(string text, long lineOfLast)
    {
        var seen = Scanned(Encoding.UTF8.GetBytes(text), trickle: 0);

        seen[^1].Line.Should().Be(lineOfLast);
        seen[0].Fields.Should().StartWith("a", "a UTF-8 byte-order mark at the start is not text");
    }

    [Fact]
    public void Scanner_Utf16Text_IsTranscoded()
    {
        byte[] bytes = [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("timestamp,model\né,\"q\"\"\"\n")];

        var seen = Scanned(bytes, trickle: 0);

        seen.Select(s => s.Fields).Should().Equal("timestamp|model", "é|q\"");
    }

    [Fact]
    public void Scanner_RecordLongerThanTheLimit_StopsNamingItsLine()
    {
        byte[] bytes = Encoding.UTF8.GetBytes("a\nb\n" + new string('x', TraceReader.MaxRecordBytes + 1) + "\nc\n");
        using var scanner = new TraceCsvScanner(new MemoryStream(bytes), ownsStream: true, bufferSize: 4096);

        var read = () =>
        {
            while (scanner.Read())
            {
            }
        };

        read.Should().Throw<TraceChunkFramingException>().Which.LineInChunk.Should().Be(3);
    }

    [Fact]
    public void Scanner_RecordOfExactlyTheLimit_IsRead()
    {
        byte[] bytes = Encoding.UTF8.GetBytes("a\n" + new string('x', TraceReader.MaxRecordBytes) + "\r\nc");

        var seen = Scanned(bytes, trickle: 0, bufferSize: 4096);

        seen.Select(s => s.Line).Should().Equal(1, 2, 3);
    }

    private static List<Seen> Scanned(byte[] bytes, int trickle, int bufferSize = 1 << 20)
    {
        Stream stream = trickle == 0 ? new MemoryStream(bytes) : new TrickleStream(bytes, trickle);
        using var scanner = new TraceCsvScanner(stream, ownsStream: true, bufferSize);
        var seen = new List<Seen>();
        while (scanner.Read())
        {
            seen.Add(!scanner.IsMalformed
                ? new Seen(scanner.LineNumber, string.Join("|", Enumerable.Range(0, scanner.FieldCount).Select(i => Encoding.UTF8.GetString(scanner.Field(i)))), null)
                : new Seen(scanner.LineNumber, "", scanner.QuotingField));
        }

        return seen;
    }

    /// <summary>CsvHelper with the options the trace reader gave it before the scanner (no header here: every record is data).</summary>
    private static List<Seen> CsvHelperRead(byte[] bytes)
    {
        var malformed = new List<(long Line, long Offset)>();
        var options = CsvReaderOptions.Default with
        {
            Separator = ',',
            HasHeader = false,
            TrimWhitespace = false,
            TrackLineNumbers = true,
            AllowLineBreaksInQuotes = false,
            MaxRecordSize = TraceReader.MaxRecordBytes,
            MalformedData = CsvMalformedDataHandling.Recover,
            OnMalformedRecord = m =>
            {
                if (m.Reason is CsvMalformedReason.UnterminatedQuote or CsvMalformedReason.LineBreakInQuotes or CsvMalformedReason.TextAfterClosingQuote)
                {
                    malformed.Add((m.LineNumber, m.ByteOffset));
                }
            },
        };
        using var csv = CsvReader.Create(new MemoryStream(bytes), options);
        var seen = new List<Seen>();
        while (csv.Read())
        {
            long line = csv.LineNumber;
            var bad = malformed.Where(m => m.Line == line).ToList();
            seen.Add(bad.Count == 0
                ? new Seen(line, string.Join("|", Enumerable.Range(0, csv.FieldCount).Select(i => Encoding.UTF8.GetString(csv.GetSpan(i)))), null)
                : new Seen(line, "", FieldAt(csv.RawRecord, bad[0].Offset - csv.ByteOffset)));
        }

        return seen;
    }

    /// <summary>The field at <paramref name="offset"/> bytes into a raw record (how the trace reader named a malformed field).</summary>
    private static int FieldAt(ReadOnlySpan<byte> raw, long offset)
    {
        int field = 0;
        bool quoted = false;
        for (int i = 0; i < raw.Length && i < offset; i++)
        {
            if (raw[i] == (byte)'"')
            {
                quoted = !quoted;
            }
            else if (raw[i] == (byte)',' && !quoted)
            {
                field++;
            }
        }

        return field;
    }

    /// <summary>A stream that hands out at most a few bytes a read.</summary>
    private sealed class TrickleStream(byte[] bytes, int most) : MemoryStream(bytes)
    {
        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, most)]);

        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, most));
    }
}
