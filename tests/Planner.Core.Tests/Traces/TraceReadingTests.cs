using System.Text;
using Planner.Core.Traces;

namespace Planner.Core.Tests.Traces;

/// <summary>The rules of reading a CSV trace, checked on every implementation (<see cref="TraceReadImplementation"/>):
/// sequential, and in 1, 2, 3, 7 chunks or one chunk per line.</summary>
public class TraceReadingTests
{
    private const string Header = "timestamp,model,input_text_tokens,cached_input_tokens,input_audio_tokens,output_text_tokens,output_audio_tokens,max_tokens,request_id";

    private static readonly TraceOptions Skip = new() { SkipInvalid = true };

    public static TheoryData<string> Implementations => TraceReadImplementation.Names;

    /// <summary>Every bad row of <see cref="TraceReaderTests.BadRows"/> on every implementation.</summary>
    public static TheoryData<string, string, string, string> BadRowsEverywhere
    {
        get
        {
            var data = new TheoryData<string, string, string, string>();
            foreach (var implementation in TraceReadImplementation.All)
            {
                foreach (var row in TraceReaderTests.BadRows)
                {
                    data.Add(implementation.Name, (string)row[0], (string)row[1], (string)row[2]);
                }
            }

            return data;
        }
    }

    private static string Row(int second, string model = "gpt-audio-mini", int textIn = 1000, int audioOut = 0, string hour = "09") =>
        $"2026-01-15T{hour}:{second / 60:00}:{second % 60:00}Z,{model},{textIn},0,0,0,{audioOut},,r";

    [Theory]
    [MemberData(nameof(Implementations))]
    public void Read_ValidRows_SumsEveryRowExactlyAndKeepsTheirLines(string implementation)
    {
        var lines = new List<string> { Header };
        for (int i = 0; i < 40; i++)
        {
            lines.Add(i % 4 == 3 ? Row(i, "gpt-audio", textIn: 0, audioOut: 100, hour: i < 20 ? "09" : "10") : Row(i, hour: i < 20 ? "09" : "10"));
        }

        var read = TraceReadImplementation.Named(implementation).Read(TestData.Trace([.. lines]));

        read.Rows.Select(r => r.Line).Should().Equal(Enumerable.Range(2, 40).Select(l => (long)l));
        read.RowsRead.Should().Be(40);
        // 30 rows of 1,000 text tokens on gpt-audio-mini ($0.60 per 1M), 10 of 100 audio output tokens on gpt-audio ($64 per 1M).
        read.Costs.Totals.Total.Value.Should().Be((30 * 1_000 * 0.60m + 10 * 100 * 64.00m) / 1_000_000);
        read.Costs.ByModel.Select(m => (m.Model, m.Totals.Requests)).Should().Equal(("gpt-audio-mini", 30L), ("gpt-audio", 10L));
        read.Costs.ByHour.Select(h => (h.Start.Hour, h.Requests, h.Total.Value)).Should().Equal(
            (9, 20L, (15 * 1_000 * 0.60m + 5 * 100 * 64.00m) / 1_000_000),
            (10, 20L, (15 * 1_000 * 0.60m + 5 * 100 * 64.00m) / 1_000_000));
        read.Costs.ByDay.Should().ContainSingle().Which.Requests.Should().Be(40);
    }

    [Theory]
    [MemberData(nameof(BadRowsEverywhere))]
    public void Read_BadRow_StopsWithFileLineFieldAndReason(string implementation, string row, string kind, string message)
    {
        _ = kind;
        string path = TestData.Trace(Header, "2025-01-01T00:00:00Z,gpt-4o-audio-preview,1,0,0,0,0,,ok", row, "2026-01-15T09:00:01Z,gpt-audio-mini,2,0,0,0,0,,ok");

        var read = () => TraceReadImplementation.Named(implementation).Read(path);

        read.Should().Throw<PlannerException>().Which.Message.Should().Be($"{path}:3: {message}");
    }

    [Theory]
    [MemberData(nameof(BadRowsEverywhere))]
    public void Read_BadRowWithSkipInvalid_IsCountedListedAndExcluded(string implementation, string row, string kind, string message)
    {
        string path = TestData.Trace(Header, "2025-01-01T00:00:00Z,gpt-4o-audio-preview,1,0,0,0,0,,ok", row, "2026-01-15T09:00:01Z,gpt-audio-mini,2,0,0,0,0,,ok");

        var read = TraceReadImplementation.Named(implementation).Read(path, Skip);

        read.Rows.Select(r => r.Line).Should().Equal(2, 4);
        read.Rejections.ByReason.Should().Equal(new Dictionary<string, long> { [kind] = 1 });
        read.Rejections.First.Should().Equal(new TraceRejection(3, kind, message));
        read.RowsRead.Should().Be(3);
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public void Read_RowsBeforeTheLastValidRow_AreOutOfOrderWhereverTheChunksStart(string implementation)
    {
        string path = TestData.Trace(Header, Row(0), Row(600), Row(300), Row(450), Row(900), Row(800), Row(900));

        var read = TraceReadImplementation.Named(implementation).Read(path, Skip);

        // 09:05 and 09:07:30 come after 09:10 (line 3); 09:13:20 after 09:15 (line 6); each compared with the last valid row.
        read.Rows.Select(r => r.Line).Should().Equal(2, 3, 6, 8);
        read.Rejections.First.Should().Equal(
            new TraceRejection(4, TraceRejectionKinds.OutOfOrder, "timestamp: 2026-01-15T09:05:00Z is before the previous row's 2026-01-15T09:10:00Z (line 3); rows must be in time order"),
            new TraceRejection(5, TraceRejectionKinds.OutOfOrder, "timestamp: 2026-01-15T09:07:30Z is before the previous row's 2026-01-15T09:10:00Z (line 3); rows must be in time order"),
            new TraceRejection(7, TraceRejectionKinds.OutOfOrder, "timestamp: 2026-01-15T09:13:20Z is before the previous row's 2026-01-15T09:15:00Z (line 6); rows must be in time order"));
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public void Read_NoPriceRowBeforeTheLastValidRow_IsOutOfOrderNotNoPrice(string implementation)
    {
        // Line 4 has no price (before gpt-audio-mini's release) and is also earlier than line 3: the order check comes
        // first, also when line 4 starts a chunk and the chunk alone would call it no_price.
        string path = TestData.Trace(Header, Row(0), Row(60), "2025-06-01T00:00:00Z,gpt-audio-mini,1,0,0,0,0,,r", Row(120));

        var read = TraceReadImplementation.Named(implementation).Read(path, Skip);

        read.Rejections.First.Should().Equal(new TraceRejection(4, TraceRejectionKinds.OutOfOrder,
            "timestamp: 2025-06-01T00:00:00Z is before the previous row's 2026-01-15T09:01:00Z (line 3); rows must be in time order"));
        read.Rows.Select(r => r.Line).Should().Equal(2, 3, 5);
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public void Read_ManyBadRows_CountsAllListsTheFirstTwentyInLineOrder(string implementation)
    {
        var lines = new List<string> { Header };
        for (int i = 0; i < 60; i++)
        {
            lines.Add(i % 2 == 0 ? "2026-01-15T09:00:00Z,gpt-audio-mini,-1,0,0,0,0,,r" : Row(i));
        }

        var read = TraceReadImplementation.Named(implementation).Read(TestData.Trace([.. lines]), Skip);

        read.Rejections.Count.Should().Be(30);
        read.Rejections.First.Select(r => r.Line).Should().Equal(Enumerable.Range(0, 20).Select(i => 2L + (2 * i)));
        read.Rows.Should().HaveCount(30);
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public void Read_FirstBadRowOfTheFile_WinsOverABadRowInALaterChunk(string implementation)
    {
        // A bad row near the end of the first half and another right after it: whichever chunk fails first,
        // the one earlier in the file is reported.
        var lines = new List<string> { Header };
        for (int i = 0; i < 3_000; i++)
        {
            lines.Add(i switch
            {
                1_490 => "2026-01-15T09:00:00Z,gpt-audio-mini,12x,0,0,0,0,,r",
                1_510 => "2026-01-15T09:00:00Z,gpt-audio-mini,-7,0,0,0,0,,r",
                _ => Row(i % 3_600),
            });
        }

        string path = TestData.Trace([.. lines]);

        var read = () => TraceReadImplementation.Named(implementation).Read(path);

        read.Should().Throw<PlannerException>().Which.Message.Should().Be($"{path}:1492: input_text_tokens: must be a whole number >= 0, got '12x'");
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public void Read_CrLfAndBlankLines_KeepTheLineNumbersOfTheFile(string implementation)
    {
        string path = TestData.TempPath("crlf");
        File.WriteAllText(path, $"{Header}\r\n{Row(0)}\r\n\r\n{Row(1)}\r\n\n2026-01-15T09:00:02Z,gpt-audio-mini,-1,0,0,0,0,,r\r\n{Row(3)}\r\n");

        var read = TraceReadImplementation.Named(implementation).Read(path, Skip);

        read.Rows.Select(r => r.Line).Should().Equal(2, 4, 7);
        read.Rejections.First.Should().Equal(new TraceRejection(6, TraceRejectionKinds.NegativeCount, "input_text_tokens: must be a whole number >= 0, got '-1'"));
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public void Read_LinesEndingInCarriageReturnsAlone_AreLinesToo(string implementation)
    {
        // CR alone ends a line (as in old Mac files); such lines never start a chunk, but a chunk may contain them.
        string path = TestData.TempPath("cr");
        File.WriteAllText(path, $"{Header}\n{Row(0)}\r{Row(1)}\n2026-01-15T09:00:02Z,gpt-audio-mini,-1,0,0,0,0,,r\r{Row(3)}\n");

        var read = TraceReadImplementation.Named(implementation).Read(path, Skip);

        read.Rows.Select(r => r.Line).Should().Equal(2, 3, 5);
        read.Rejections.First.Select(r => r.Line).Should().Equal(4);
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public void Read_LineStartingWithAByteOrderMark_IsABadTimestampNotAMark(string implementation)
    {
        string path = TestData.TempPath("bom");
        File.WriteAllText(path, $"{Header}\n{Row(0)}\n\uFEFF{Row(1)}\n{Row(2)}\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        var read = TraceReadImplementation.Named(implementation).Read(path, Skip);

        read.Rows.Select(r => r.Line).Should().Equal(2, 4);
        read.Rejections.First.Should().ContainSingle().Which.Should().Match<TraceRejection>(r => r.Line == 3 && r.Kind == TraceRejectionKinds.UnparsableField);
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public void Read_EveryRowRejected_IsInvalidInputNamingTheFirst(string implementation)
    {
        string path = TestData.Trace(Header, "2026-01-15T09:00:00Z,gpt-5,1,0,0,0,0,,r", "2026-01-15T09:00:01Z,gpt-audio-mini,-2,0,0,0,0,,r");

        var read = () => TraceReadImplementation.Named(implementation).Read(path, Skip with { RequireRequests = true });

        read.Should().Throw<PlannerException>().Which.Message.Should().StartWith(
            $"{path}: no valid request: all 2 rows were rejected (1 unknown_model, 1 negative_count); first: line 2: model: unknown model 'gpt-5'");
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public void Read_AudioSecondsInALaterRow_AreStatedAsConverted(string implementation)
    {
        string path = TestData.Trace("timestamp,model,input_audio_tokens,input_audio_seconds",
            "2026-01-15T09:00:00Z,gpt-audio-mini,5,", "2026-01-15T09:00:01Z,gpt-audio-mini,6,", "2026-01-15T09:00:02Z,gpt-audio-mini,,2.5");

        var read = TraceReadImplementation.Named(implementation).Read(path);

        read.ConvertedAudioSeconds.Should().BeTrue();
        // 5 + 6 tokens, then 2.5 s x 10 tokens/s = 25, at gpt-audio-mini's $10 per 1M audio input tokens.
        read.Costs.Totals.Total.Value.Should().Be((5 + 6 + 25) * 10.00m / 1_000_000);
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public void Read_LineWithoutABreakLongerThanARecord_StopsNamingItsLine(string implementation)
    {
        string path = TestData.Trace(Header, Row(0), Row(1), "2026-01-15T09:00:02Z,gpt-audio-mini,1,0,0,0,0,," + new string('x', TraceReader.MaxRecordBytes + 10), Row(3));

        var read = () => TraceReadImplementation.Named(implementation).Read(path, Skip);

        read.Should().Throw<PlannerException>().Which.Message.Should().StartWith($"{path}:4: a record longer than 1,048,576 bytes");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Read_ValidRows_AllocateNothingPerRow(bool costsOnly)
    {
        var lines = new List<string> { Header };
        for (int i = 0; i < 20_000; i++)
        {
            lines.Add($"2026-01-15T09:{i / 3_600 % 60:00}:{i / 60 % 60:00}.{i % 60:000}Z,{(i % 3 == 0 ? "gpt-audio" : "gpt-audio-mini")},{i % 900},0,{i % 70},12,{i % 500},1024,r{i}");
        }

        string path = TestData.Trace([.. lines]);
        long Allocated()
        {
            using var reader = TraceReader.Open(path, TestData.Catalog, new TraceOptions(), new TraceRejections());
            var costs = new TraceCosts();
            long before = GC.GetAllocatedBytesForCurrentThread();
            if (costsOnly)
            {
                reader.ReadInto(costs, long.MaxValue).Should().BeFalse();
            }
            else
            {
                reader.ReadAll(costs);
            }

            reader.RowsPriced.Should().Be(20_000);
            costs.Totals.Requests.Should().Be(20_000);
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        Allocated();
        // A reader, its buffers and model slots are allocated once; 20,000 rows at even 24 bytes each would be 480,000.
        Allocated().Should().BeLessThan(20_000);
    }
}
