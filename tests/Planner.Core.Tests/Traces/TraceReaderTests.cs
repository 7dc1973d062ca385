using Planner.Core.Pricing;
using Planner.Core.Traces;

namespace Planner.Core.Tests.Traces;

public class TraceReaderTests
{
    private const string Header = "timestamp,model,input_text_tokens,cached_input_tokens,input_audio_tokens,output_text_tokens,output_audio_tokens,max_tokens,request_id";

    private static List<TraceRequest> ReadAll(string path, TraceRejections rejections, TraceOptions? options = null) =>
        TraceFile.Read(path, TestData.Catalog, options ?? new TraceOptions(), rejections).ToList();

    [Fact]
    public void Read_ValidRow_PricesEveryMeterAtItsOwnRate()
    {
        string path = TestData.Trace(Header, "2026-01-15T09:00:00Z,gpt-audio-mini,1000,200,300,40,500,1024,r1");

        var rows = ReadAll(path, new TraceRejections());

        rows.Should().ContainSingle();
        var row = rows[0];
        row.Line.Should().Be(2);
        row.Usage.Should().Be(Usage.Of(textInput: 1000, cachedInput: 200, audioInput: 300, textOutput: 40, audioOutput: 500));
        row.MaxTokens!.Value.Value.Should().Be(1024);
        // gpt-audio-mini: text in $0.60, cached at the text rate (none listed), audio in $10, text out $2.40, audio out $20 per 1M.
        row.Cost.TextInput.Value.Should().Be(1_000 * 0.60m / 1_000_000);
        row.Cost.CachedInput.Value.Should().Be(200 * 0.60m / 1_000_000);
        row.Cost.AudioInput.Value.Should().Be(300 * 10.00m / 1_000_000);
        row.Cost.TextOutput.Value.Should().Be(40 * 2.40m / 1_000_000);
        row.Cost.AudioOutput.Value.Should().Be(500 * 20.00m / 1_000_000);
        row.Cost.Total.Value.Should().Be((1_200 * 0.60m + 300 * 10.00m + 40 * 2.40m + 500 * 20.00m) / 1_000_000);
    }

    [Fact]
    public void Read_ColumnsInAnyOrder_AbsentMeansZero_UnknownIgnored()
    {
        string path = TestData.Trace("note,output_audio_tokens,model,timestamp", "hello,100,gpt-audio,2026-01-15T09:00:00+02:00");

        var row = ReadAll(path, new TraceRejections()).Single();

        row.Usage.Should().Be(Usage.Of(audioOutput: 100));
        row.MaxTokens.Should().BeNull();
        row.Timestamp.Should().Be(new DateTimeOffset(2026, 1, 15, 7, 0, 0, TimeSpan.Zero));
        row.Model.Model.Id.Should().Be("gpt-audio");
        // gpt-audio: audio out $64 per 1M.
        row.Cost.Total.Value.Should().Be(100 * 64.00m / 1_000_000);
    }

    [Fact]
    public void Read_AudioSeconds_ConvertWhereTheTokenColumnIsEmpty()
    {
        string path = TestData.Trace(
            "timestamp,model,input_audio_tokens,input_audio_seconds,output_audio_seconds",
            "2026-01-15T09:00:00Z,gpt-audio-mini,,2.5,1.03",
            "2026-01-15T09:00:01Z,gpt-audio-mini,7,2.5,");

        var rows = ReadAll(path, new TraceRejections());

        // 2.5 s x 10 tokens/s = 25; 1.03 s x 20 tokens/s = 20.6, a fraction rounds up to 21.
        rows[0].Usage.Should().Be(Usage.Of(audioInput: 25, audioOutput: 21));
        // The token column wins when it is given.
        rows[1].Usage.Should().Be(Usage.Of(audioInput: 7));
    }

    [Fact]
    public void Read_RowWithoutTheUnreadLastColumn_IsValid()
    {
        // request_id is never read, so a row that stops before it loses nothing.
        string path = TestData.Trace(Header, "2026-01-15T09:00:00Z,gpt-audio-mini,1000,0,0,0,0,");

        ReadAll(path, new TraceRejections()).Single().Usage.Should().Be(Usage.Of(textInput: 1000));
    }

    [Theory]
    [InlineData("99999999999999999999999", "unparsable_field", "input_audio_seconds: is too long, got '99999999999999999999999'")]
    [InlineData("79228162514264337593543950336", "unparsable_field", "input_audio_seconds: must be a number of seconds >= 0, got '79228162514264337593543950336'")]
    [InlineData("-1", "negative_count", "input_audio_seconds: must be a number of seconds >= 0, got '-1'")]
    public void Read_AudioSecondsOutOfRange_IsABadRowNeverACrash(string seconds, string kind, string message)
    {
        string path = TestData.Trace("timestamp,model,input_audio_seconds", $"2026-01-15T09:00:00Z,gpt-audio-mini,{seconds}");
        var rejections = new TraceRejections();

        var strict = () => ReadAll(path, new TraceRejections());

        strict.Should().Throw<PlannerException>().WithMessage($"{path}:2: {message}");
        ReadAll(path, rejections, new TraceOptions { SkipInvalid = true }).Should().BeEmpty();
        rejections.First.Should().Equal(new TraceRejection(2, kind, message));
    }

    [Fact]
    public void Read_ModelOverride_PricesEveryRowOnThatModel()
    {
        string path = TestData.Trace(Header, "2026-01-15T09:00:00Z,no-such-model,1000,0,0,0,0,,r1");

        var row = ReadAll(path, new TraceRejections(), new TraceOptions { ModelOverride = "gpt-audio" }).Single();

        row.Model.Model.Id.Should().Be("gpt-audio");
        row.Cost.Total.Value.Should().Be(1_000 * 2.50m / 1_000_000);
    }

    /// <summary>A valid row early enough that every bad row below comes after it (gpt-4o-audio-preview is priced from 2024-12-17).</summary>
    private const string FirstRow = "2025-01-01T00:00:00Z,gpt-4o-audio-preview,1,0,0,0,0,,ok";

    public static TheoryData<string, string, string> BadRows => new()
    {
        { "2026-01-15T09:00:00Z,gpt-audio-mini,-3,0,0,0,0,,r", "negative_count", "input_text_tokens: must be a whole number >= 0, got '-3'" },
        { "2026-01-15T09:00:00Z,gpt-audio-mini,12x,0,0,0,0,,r", "unparsable_field", "input_text_tokens: must be a whole number >= 0, got '12x'" },
        // Characters that sort below '0' ('.', '+', '/', a space) must be rejected too, never overflow.
        { "2026-01-15T09:00:00Z,gpt-audio-mini,12.0,0,0,0,0,,r", "unparsable_field", "input_text_tokens: must be a whole number >= 0, got '12.0'" },
        { "2026-01-15T09:00:00Z,gpt-audio-mini,+3,0,0,0,0,,r", "unparsable_field", "input_text_tokens: must be a whole number >= 0, got '+3'" },
        { "2026-01-15T09:00:00Z,gpt-audio-mini,1/2,0,0,0,0,,r", "unparsable_field", "input_text_tokens: must be a whole number >= 0, got '1/2'" },
        { "2026-01-15T09:00:00Z,gpt-audio-mini,\"1 000\",0,0,0,0,,r", "unparsable_field", "input_text_tokens: must be a whole number >= 0, got '1 000'" },
        { "yesterday,gpt-audio-mini,1,0,0,0,0,,r", "unparsable_field", "timestamp: not an ISO-8601 instant (e.g. 2026-01-15T09:30:00Z), got 'yesterday'" },
        { ",gpt-audio-mini,1,0,0,0,0,,r", "missing_field", "timestamp: is empty; every row needs an ISO-8601 instant" },
        // A truncated row: its missing counts must not be read as 0 (9 columns; max_tokens, the 8th, is the last one read).
        { "2026-01-15T09:00:00Z,gpt-audio-mini,1,0", "missing_field", "input_audio_tokens: missing; the row has 4 field(s), the header 9" },
        { "2026-01-15T09:00:00Z,gpt-audio-mini,1,0,0,0,0", "missing_field", "max_tokens: missing; the row has 7 field(s), the header 9" },
        { "2026-01-15T09:00:00Z,gpt-5,1,0,0,0,0,,r", "unknown_model", "model: unknown model 'gpt-5'; known models: gpt-audio-mini, gpt-audio, gpt-4o-audio-preview, gpt-4o-mini-audio-preview, gpt-audio-1.5, gpt-realtime, gpt-realtime-1.5, gpt-realtime-2, gpt-realtime-2.1, gpt-realtime-mini, gpt-realtime-2.1-mini, gpt-4o-realtime-preview, gpt-4o-mini-realtime-preview" },
        { "2026-01-15T09:00:00Z,gpt-audio-mini,1,0,0,0,20000,,r", "over_cap", "tokens: output of 20,000 tokens exceeds gpt-audio-mini's 16,384-token output cap" },
        { "2026-01-15T09:00:00Z,gpt-audio-mini,1,0,0,0,200,100,r", "max_tokens_below_output", "max_tokens: 100 is below the row's output of 200 tokens; a response cannot exceed max_tokens" },
        { "2026-01-15T09:00:00Z,gpt-audio-mini,1,0,0,0,200,20000,r", "over_cap", "max_tokens: 20,000 exceeds gpt-audio-mini's 16,384-token output cap" },
        { "2025-06-01T00:00:00Z,gpt-audio-mini,1,0,0,0,0,,r", "no_price", "timestamp: gpt-audio-mini was released on 2025-10-06; the request is dated 2025-06-01T00:00:00Z" },
        // One stray quote opening a field: the line is one bad row; it must not swallow the rows after it.
        { "2026-01-15T09:00:00Z,gpt-audio-mini,1,0,0,0,0,,\"r", "malformed_quoting", "request_id: a quoted field is not closed on its line; in a trace a quoted field may not span lines (docs/trace-format.md)" },
        { "2026-01-15T09:00:00Z,gpt-audio-mini,\"12\"3,0,0,0,0,,r", "malformed_quoting", "input_text_tokens: text after a closing quote (\"12\"3); quote a whole field, with \"\" for a quote inside it" },
        // A count beyond what a request can carry is bounded at the edge (sums of five meters stay exact).
        { "2026-01-15T09:00:00Z,gpt-audio-mini,1000000001,0,0,0,0,,r", "unparsable_field", "input_text_tokens: '1000000001' is more than a request can carry: a token count is at most 1,000,000,000" },
        { "2026-01-15T09:00:00Z,gpt-audio-mini,999999999999999999,0,0,0,0,,r", "unparsable_field", "input_text_tokens: '999999999999999999' is more than a request can carry: a token count is at most 1,000,000,000" },
        // Input echoed in a message is quoted, on one line and short: an escape sequence is shown, not sent to the terminal.
        { "2026-01-15T09:00:00Z,gpt-\u001b[31m,1,0,0,0,0,,r", "unknown_model", "model: unknown model 'gpt-\\u001b[31m'; known models: gpt-audio-mini, gpt-audio, gpt-4o-audio-preview, gpt-4o-mini-audio-preview, gpt-audio-1.5, gpt-realtime, gpt-realtime-1.5, gpt-realtime-2, gpt-realtime-2.1, gpt-realtime-mini, gpt-realtime-2.1-mini, gpt-4o-realtime-preview, gpt-4o-mini-realtime-preview" },
        { "2026-01-15T09:00:00Z,gpt-audio-mini," + new string('9', 70) + "x,0,0,0,0,,r", "unparsable_field", "input_text_tokens: must be a whole number >= 0, got '" + new string('9', 60) + "... (71 characters)'" },
        { "2024-12-31T23:59:59Z,gpt-4o-audio-preview,1,0,0,0,0,,r", "out_of_order", "timestamp: 2024-12-31T23:59:59Z is before the previous row's 2025-01-01T00:00:00Z (line 2); rows must be in time order" },
    };

    [Theory]
    [MemberData(nameof(BadRows))]
    public void Read_BadRow_StopsWithFileLineFieldAndReason(string row, string kind, string message)
    {
        _ = kind;
        string path = TestData.Trace(Header, FirstRow, row);

        var read = () => ReadAll(path, new TraceRejections());

        read.Should().Throw<PlannerException>().Which.Should().Match<PlannerException>(e =>
            e.Kind == PlannerErrorKind.InvalidTrace && e.Message == $"{path}:3: {message}");
    }

    [Theory]
    [MemberData(nameof(BadRows))]
    public void Read_BadRowWithSkipInvalid_IsCountedListedAndExcluded(string row, string kind, string message)
    {
        string path = TestData.Trace(Header, FirstRow, row, "2026-01-15T09:00:01Z,gpt-audio-mini,2,0,0,0,0,,ok");
        var rejections = new TraceRejections();

        using var reader = TraceReader.Open(path, TestData.Catalog, new TraceOptions { SkipInvalid = true }, rejections);
        var rows = new List<TraceRequest>();
        while (reader.TryRead(out var request))
        {
            rows.Add(request);
        }

        rows.Select(r => r.Line).Should().Equal(2, 4);
        rejections.Count.Should().Be(1);
        rejections.ByReason.Should().Equal(new Dictionary<string, long> { [kind] = 1 });
        rejections.First.Should().Equal(new TraceRejection(3, kind, message));
        reader.RowsRead.Should().Be(reader.RowsPriced + rejections.Count).And.Be(3);
    }

    [Fact]
    public void Read_ManyBadRows_CountsAllListsTheFirstTwenty()
    {
        var lines = new List<string> { Header };
        for (int i = 0; i < 25; i++)
        {
            lines.Add("2026-01-15T09:00:00Z,gpt-audio-mini,-1,0,0,0,0,,r");
        }

        var rejections = new TraceRejections();
        ReadAll(TestData.Trace([.. lines]), rejections, new TraceOptions { SkipInvalid = true }).Should().BeEmpty();

        rejections.Count.Should().Be(25);
        rejections.First.Should().HaveCount(20);
        rejections.First[0].Line.Should().Be(2);
        rejections.First[19].Line.Should().Be(21);
    }

    [Fact]
    public void Read_QuotedFieldWithLineBreak_IsABadRowAndTheNextLineIsTheNextRow()
    {
        // A quoted field may not span lines in a trace: line 2 is one bad row, line 3 ("lines",1) is read as a row
        // of its own (and rejected), and line 4 is priced. Without the rule line 2 would swallow line 3.
        string path = TestData.Trace("timestamp,model,request_id,input_text_tokens", "2026-01-15T09:00:00Z,gpt-audio-mini,\"two\nlines\",1", "2026-01-15T09:00:01Z,gpt-audio-mini,r,5");
        var rejections = new TraceRejections();

        ReadAll(path, rejections, new TraceOptions { SkipInvalid = true }).Single().Line.Should().Be(4);

        rejections.First.Select(r => (r.Line, r.Kind)).Should().Equal((2, TraceRejectionKinds.MalformedQuoting), (3, TraceRejectionKinds.MissingField));
    }

    [Fact]
    public void Open_MissingColumn_NamesItAndTheHeader()
    {
        string path = TestData.Trace("time,model", "2026-01-15T09:00:00Z,gpt-audio-mini");

        var open = () => TraceReader.Open(path, TestData.Catalog, new TraceOptions(), new TraceRejections());

        open.Should().Throw<PlannerException>().WithMessage($"{path}:1: header: missing required column 'timestamp'; the header has 2 column(s): 'time', 'model'");
    }

    [Fact]
    public void Open_MissingFile_SaysSo()
    {
        var open = () => TraceFile.Read("/no/such/trace.csv", TestData.Catalog, new TraceOptions(), new TraceRejections());

        open.Should().Throw<PlannerException>().WithMessage("'/no/such/trace.csv': no such trace file");
    }

    [Theory]
    [InlineData("2026-01-15T09:30:00Z", "2026-01-15T09:30:00Z")]
    [InlineData("2026-01-15T09:30:00.1234567Z", "2026-01-15T09:30:00.1234567Z")]
    [InlineData("2026-01-15 09:30:00", "2026-01-15T09:30:00Z")]
    [InlineData("2026-01-15T11:30:00+02:00", "2026-01-15T09:30:00Z")]
    [InlineData("2026-01-15T04:30:00-0500", "2026-01-15T09:30:00Z")]
    [InlineData("2026-01-15T11:30:00.5+02:00", "2026-01-15T09:30:00.5Z")]
    [InlineData("2026-01-14T23:30:00-10:00", "2026-01-15T09:30:00Z")]
    [InlineData("2026-01-15T09:30:00.025Z", "2026-01-15T09:30:00.025Z")] // milliseconds and Z: the generator's form, parsed without a loop
    [InlineData("2026-01-15T09:30:59.999z", "2026-01-15T09:30:59.999Z")]
    [InlineData("2026-01-15T09:30:00.960Z", "2026-01-15T09:30:00.96Z")]
    [InlineData("2026-01-15T09:30:00.025+00:00", "2026-01-15T09:30:00.025Z")]
    public void Read_Timestamps_AreNormalisedToUtc(string text, string utc)
    {
        string path = TestData.Trace("timestamp,model,input_text_tokens", text + ",gpt-audio-mini,1");

        var row = ReadAll(path, new TraceRejections()).Single();

        row.Timestamp.Should().Be(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));
        row.Timestamp.Offset.Should().Be(TimeSpan.Zero);
    }

    [Theory]
    [InlineData("2026-02-30T09:30:00Z")]
    [InlineData("2026-01-15T24:00:00Z")]
    [InlineData("2026-01-15T09:30:00+2")]
    [InlineData("2026-01-15T09:30:00.Z")]
    [InlineData("2026-01-15T09:30:00.0a5Z")]
    [InlineData("2026-01-15T09:30:00.02:Z")]
    [InlineData("2026-01-15T09:30:00.025X")]
    [InlineData("2026-01-15T09:30:60.025Z")]
    public void Read_ImpossibleTimestamps_AreUnparsable(string text)
    {
        string path = TestData.Trace("timestamp,model,input_text_tokens", text + ",gpt-audio-mini,1");
        var rejections = new TraceRejections();

        ReadAll(path, rejections, new TraceOptions { SkipInvalid = true }).Should().BeEmpty();

        rejections.ByReason.Should().ContainKey(TraceRejectionKinds.UnparsableField);
    }

    private const string EightMeterHeader =
        "timestamp,model,input_text_tokens,cached_input_tokens,input_audio_tokens,cached_input_audio_tokens,input_image_tokens,cached_input_image_tokens,output_text_tokens,output_audio_tokens";

    [Fact]
    public void Read_CachedAudioAndImageColumns_ArePricedAtTheirOwnRates()
    {
        string path = TestData.Trace(EightMeterHeader, "2026-11-01T09:00:00Z,gpt-realtime-2.1-mini,100,200,300,1000,400,500,60,700");

        var row = TraceFile.Read(path, MeterTestCatalog.Catalog, new TraceOptions(), new TraceRejections()).Single();

        row.Usage.Should().Be(Usage.Of(textInput: 100, cachedInput: 200, audioInput: 300, cachedAudioInput: 1_000,
            imageInput: 400, cachedImageInput: 500, textOutput: 60, audioOutput: 700));
        // gpt-realtime-2.1-mini (FACTS.md 2): cached audio $0.30, image $0.80, cached image $0.08 per 1M.
        row.Cost.CachedAudioInput.Value.Should().Be(1_000 * 0.30m / 1_000_000);
        row.Cost.ImageInput.Value.Should().Be(400 * 0.80m / 1_000_000);
        row.Cost.CachedImageInput.Value.Should().Be(500 * 0.08m / 1_000_000);
        row.Cost.Total.Value.Should().Be(
            (100 * 0.60m + 200 * 0.06m + 300 * 10m + 1_000 * 0.30m + 400 * 0.80m + 500 * 0.08m + 60 * 2.40m + 700 * 20m) / 1_000_000);
    }

    [Fact]
    public void Read_ImageTokensOnAModelWithoutAnImagePrice_RejectsTheRowNamingColumnModelAndMeter()
    {
        string path = TestData.Trace("timestamp,model,input_image_tokens", "2026-01-15T09:00:00Z,gpt-audio-mini,1000", "2026-01-15T09:00:01Z,gpt-audio-mini,0");
        var rejections = new TraceRejections();

        var rows = ReadAll(path, rejections, new TraceOptions { SkipInvalid = true });

        rows.Should().ContainSingle().Which.Line.Should().Be(3);
        rejections.First.Should().Equal(new TraceRejection(2, TraceRejectionKinds.UnpricedMeter,
            "input_image_tokens: gpt-audio-mini has no price for image input; the request uses 1,000 image input tokens"));
    }

    [Fact]
    public void Read_CachedAudioWithoutACachedPrice_BillsAtTheAudioInputRate()
    {
        string path = TestData.Trace("timestamp,model,cached_input_audio_tokens", "2026-01-15T09:00:00Z,gpt-audio-mini,1000");

        var row = ReadAll(path, new TraceRejections()).Single();

        row.Cost.CachedAudioInput.Value.Should().Be(1_000 * 10.00m / 1_000_000, "gpt-audio-mini lists no cached audio price");
    }
}
