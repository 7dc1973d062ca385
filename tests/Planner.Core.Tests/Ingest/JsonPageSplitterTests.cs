using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Planner.Core.Ingest;

namespace Planner.Core.Tests.Ingest;

public class JsonPageSplitterTests
{
    private static List<(string Page, long Line)> Split(string text, bool comments = true, int chunk = int.MaxValue, int maxPageBytes = JsonPageSplitter.DefaultMaxPageBytes) =>
        Split(Encoding.UTF8.GetBytes(text), comments, chunk, maxPageBytes);

    private static List<(string Page, long Line)> Split(byte[] bytes, bool comments, int chunk, int maxPageBytes = JsonPageSplitter.DefaultMaxPageBytes)
    {
        using var splitter = new JsonPageSplitter(new TrickleStream(bytes, chunk), "pages.jsonl", comments, maxPageBytes);
        var pages = new List<(string, long)>();
        while (splitter.TryNext(out var page, out long line))
        {
            pages.Add((Encoding.UTF8.GetString(page.Span), line));
        }

        splitter.Position.Should().Be(bytes.Length, "every byte is handed out or skipped");
        return pages;
    }

    [Fact]
    public void PrettyPrintedPages_AreHandedOutOneAtATime_WithTheLineOfTheirFirstByte()
    {
        string text = "{\n  \"object\": \"page\",\n  \"data\": []\n}\n\n  {\"object\": \"page\", \"data\": [{\"a\": [1, {}]}]}\r\n{\"data\":[]}{\"data\":[]}\n";

        var pages = Split(text);

        pages.Should().Equal(
            ("{\n  \"object\": \"page\",\n  \"data\": []\n}", 1L),
            ("{\"object\": \"page\", \"data\": [{\"a\": [1, {}]}]}", 6L),
            ("{\"data\":[]}", 7L),
            ("{\"data\":[]}", 7L));
    }

    [Fact]
    public void BracesQuotesAndEscapesInsideStrings_DoNotEndAPage()
    {
        string text = """
            {"k": "} ] { [ \" \\", "e": "\\", "u": "\u007d", "c": "// /* not a comment */"}
            {"next": 1}
            """;

        var pages = Split(text, chunk: 1);

        pages.Select(p => p.Line).Should().Equal(1, 2);
        pages[0].Page.Should().EndWith("*/\"}");
    }

    [Fact]
    public void CommentsBetweenAndInsidePages_AreSkippedAndTheirLinesCounted()
    {
        string text = "// a note\n/* two\nlines */ {\"a\": /* } */ 1, // }\n\"b\": 2}\n";

        var pages = Split(text);

        pages.Should().Equal(("{\"a\": /* } */ 1, // }\n\"b\": 2}", 3L));
    }

    [Fact]
    public void ATruncatedLastPage_IsHandedOutWhole_LessItsTrailingWhitespace_ForTheParserToReportOnItsLine()
    {
        var pages = Split("{\"data\": []}\n{\"data\": [{\"start_time\": 1,\n  \r\n", chunk: 5);

        pages.Should().Equal(("{\"data\": []}", 1L), ("{\"data\": [{\"start_time\": 1,", 2L));
    }

    [Fact]
    public void AValueThatIsNotAnObject_IsHandedOutToTheEndOfItsLine()
    {
        var pages = Split("{\"data\": []}\n  42 17\n\"page\"\n");

        pages.Should().Equal(("{\"data\": []}", 1L), ("42 17", 2L), ("\"page\"", 3L));
    }

    [Fact]
    public void AByteOrderMark_BeforeTheFirstPage_IsSkipped()
    {
        byte[] bytes = [.. "\uFEFF"u8, .. "{\"data\": []}"u8];

        Split(bytes, comments: false, chunk: 2).Should().Equal(("{\"data\": []}", 1L));
    }

    [Fact]
    public void APageOverTheLargestAccepted_IsRefusedWithItsLine()
    {
        string text = "{\"data\": []}\n\n{\"data\": [\"" + new string('x', 5_000) + "\"]}\n";

        var split = () => Split(text, maxPageBytes: 1_024);

        split.Should().Throw<PlannerException>().WithMessage(
            "pages.jsonl:3: page: over 1,024 bytes without ending; an API page holds at most its limit of buckets (for usage: 31 1d, 168 1h or 1,440 1m), a few MB: save each page as its own JSON object");
    }

    [Fact]
    public void TheBuffer_StaysAtItsFirstSize_OverManySmallPages_AndGrowsOnlyToTheLargest()
    {
        // 20,000 pages of about 1.5 KB (30 MB in all), then one of 300 KB, then small ones again.
        var page = Encoding.UTF8.GetBytes("{\"object\":\"page\",\"data\":[" + string.Join(",", Enumerable.Repeat("{\"start_time\":1768467600,\"end_time\":1768467660,\"results\":[]}", 24)) + "]}\n");
        var large = Encoding.UTF8.GetBytes("{\"data\":[\"" + new string('x', 300_000) + "\"]}\n");
        using var input = new PageStream(page, 20_000, large);
        using var splitter = new JsonPageSplitter(input, "year.jsonl", comments: true);
        int pages = 0;
        int smallCapacity = 0;
        while (splitter.TryNext(out _, out _))
        {
            if (++pages == 20_000)
            {
                smallCapacity = splitter.BufferCapacity;
            }
        }

        pages.Should().Be(20_011);
        smallCapacity.Should().BeLessThanOrEqualTo(64 * 1024, "a page of 1.5 KB fits the first buffer, however many pages follow");
        splitter.BufferCapacity.Should().BeLessThanOrEqualTo(2 * 300_000 + (64 * 1024), "the buffer doubles only while the largest page does not fit");
    }

    /// <summary>Random sequences of pages (compact or pretty-printed, with strings full of braces, quotes, backslashes and
    /// comment markers, separated by any whitespace), read through a stream that returns a few bytes at a time.</summary>
    [Property(MaxTest = 200)]
    public Property Splitter_YieldsTheSameValuesAsReadingTheWholeInput() =>
        Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), seed =>
        {
            var random = new Random(seed);
            byte[] bytes = Encoding.UTF8.GetBytes(RandomPages(random));
            int chunk = random.Next(4) == 0 ? int.MaxValue : random.Next(1, 300);

            return Split(bytes, comments: false, chunk).SequenceEqual(Whole(bytes));
        });

    /// <summary>The top-level values of <paramref name="bytes"/> as System.Text.Json reads them, with their first lines.</summary>
    private static List<(string, long)> Whole(byte[] bytes)
    {
        var values = new List<(string, long)>();
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { AllowMultipleValues = true });
        while (reader.Read())
        {
            int start = (int)reader.TokenStartIndex;
            reader.Skip();
            int end = (int)reader.BytesConsumed;
            values.Add((Encoding.UTF8.GetString(bytes, start, end - start), 1 + bytes.AsSpan(0, start).Count((byte)'\n')));
        }

        return values;
    }

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string RandomPages(Random random)
    {
        string[] separators = ["\n", "", " ", "\r\n", "\n\n", "\t\n  "];
        var text = new StringBuilder();
        int pages = random.Next(0, 12);
        for (int p = 0; p < pages; p++)
        {
            text.Append(separators[random.Next(separators.Length)]);
            var buckets = new List<object>();
            for (int b = random.Next(0, 5); b > 0; b--)
            {
                buckets.Add(new Dictionary<string, object>
                {
                    ["start_time"] = 1768467600 + random.Next(100_000),
                    ["results"] = Enumerable.Range(0, random.Next(0, 4)).Select(_ => new Dictionary<string, object>
                    {
                        ["model"] = RandomString(random),
                        ["input_tokens"] = random.Next(),
                        ["tags"] = new[] { RandomString(random), RandomString(random) },
                    }).ToArray(),
                });
            }

            var page = new Dictionary<string, object> { ["object"] = "page", ["note"] = RandomString(random), ["data"] = buckets };
            var options = new JsonSerializerOptions(Relaxed) { WriteIndented = random.Next(2) == 0 };
            text.Append(JsonSerializer.Serialize(page, options));
        }

        text.Append(separators[random.Next(separators.Length)]);
        return text.ToString();
    }

    private static string RandomString(Random random)
    {
        const string alphabet = "{}[]\"\\/*,:ab é\t";
        var chars = new char[random.Next(0, 20)];
        for (int i = 0; i < chars.Length; i++)
        {
            chars[i] = alphabet[random.Next(alphabet.Length)];
        }

        return new string(chars);
    }

    /// <summary>A stream over <c>bytes</c> that returns at most <c>chunk</c> bytes a read (as a pipe or a socket may).</summary>
    private sealed class TrickleStream(byte[] bytes, int chunk) : MemoryStream(bytes)
    {
        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, chunk)]);

        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));
    }

    /// <summary><c>count</c> copies of <c>page</c>, then <c>large</c>, then ten more copies, generated as read (never held whole).</summary>
    private sealed class PageStream(byte[] page, int count, byte[] large) : Planner.Core.Traces.ForwardReadStream
    {
        private int _index;
        private int _offset;

        public override int Read(Span<byte> buffer)
        {
            int total = count + 11;
            if (_index >= total)
            {
                return 0;
            }

            byte[] current = _index == count ? large : page;
            int n = Math.Min(buffer.Length, current.Length - _offset);
            current.AsSpan(_offset, n).CopyTo(buffer);
            _offset += n;
            if (_offset == current.Length)
            {
                _index++;
                _offset = 0;
            }

            return n;
        }
    }
}
