using Planner.Core.Ingest;
using Planner.Core.Pricing;
using Planner.Core.Traces;
using Planner.Core.Units;

namespace Planner.Core.Tests.Ingest;

public class UsagePageSourceTests
{
    // 2026-01-15T09:00:00Z and a minute later.
    private const long Start = 1768467600;

    /// <summary>A Usage API completions page (GET /v1/organization/usage/completions, group_by=project_id,model) written by hand.</summary>
    private static string Page(string results, long start = Start, long width = 60) => $$"""
        {
          "object": "page",
          "data": [
            {
              "object": "bucket",
              "start_time": {{start}},
              "end_time": {{start + width}},
              "results": [
        {{results}}
              ]
            }
          ],
          "has_more": false,
          "next_page": null
        }
        """;

    private static string Result(long input, long output, long cached, long audioIn, long audioOut, long requests, string project = "proj_a", string model = "gpt-audio-mini-2025-12-15") => $$"""
                {
                  "object": "organization.usage.completions.result",
                  "input_tokens": {{input}},
                  "output_tokens": {{output}},
                  "input_cached_tokens": {{cached}},
                  "input_audio_tokens": {{audioIn}},
                  "output_audio_tokens": {{audioOut}},
                  "num_model_requests": {{requests}},
                  "project_id": "{{project}}",
                  "user_id": null,
                  "api_key_id": null,
                  "model": "{{model}}",
                  "batch": false,
                  "service_tier": null
                }
        """;

    private static (List<TraceRequest> Rows, UsagePageSource Source) Read(string page, TraceOptions? options = null, TraceRejections? rejections = null)
    {
        var source = (UsagePageSource)UsageFormats.Open(UsageFiles.Write(page, ".json"), TestData.Catalog, options ?? new TraceOptions(), rejections ?? new TraceRejections());
        var rows = new List<TraceRequest>();
        while (source.TryRead(out var row))
        {
            rows.Add(row);
        }

        return (rows, source);
    }

    private static decimal Total(IEnumerable<TraceRequest> rows) => rows.Aggregate(Usd.Zero, (sum, r) => sum + r.Cost.Total).Value;

    [Fact]
    public void AllModalitiesPage_PricesAsTheAggregate_WithEveryRequestCountedAndGroupsKept()
    {
        // input 1,600 = 350 text + 200 cached + 1,050 audio; output 1,600 = 400 text + 1,200 audio; over 2 requests.
        string page = Page(Result(1600, 1600, 200, 1050, 1200, 2) + ",\n" + Result(100, 10, 0, 0, 0, 1, project: "proj_b"));

        var (rows, source) = Read(page);

        rows.Should().HaveCount(3);
        source.InputTokens.Should().Be(InputTokensDefinition.AllModalities);
        rows.Take(2).Select(r => r.Usage).Aggregate((a, b) => a + b).Should().Be(Usage.Of(textInput: 350, cachedInput: 200, audioInput: 1050, textOutput: 400, audioOutput: 1200));
        Total(rows).Should().Be((350 * 0.60m + 200 * 0.60m + 1050 * 10m + 400 * 2.40m + 1200 * 20m + 100 * 0.60m + 10 * 2.40m) / 1_000_000);
        rows.Should().OnlyContain(r => r.Timestamp == DateTimeOffset.FromUnixTimeSeconds(Start));
        rows[0].Line.Should().Be(9);
        source.Assumptions.Should().Contain(a => a.StartsWith("input_tokens read as all modalities", StringComparison.Ordinal));
    }

    [Fact]
    public void TextOnlyDefinition_IsDetectedWhereTheNumbersRuleOutAllModalities()
    {
        // input_tokens 300 < 1,000 audio + 200 cached: it cannot count every modality, so it is text (cached included), audio apart.
        string page = Page(Result(300, 40, 200, 1000, 600, 1));

        var (rows, source) = Read(page);

        source.InputTokens.Should().Be(InputTokensDefinition.TextOnly);
        rows.Single().Usage.Should().Be(Usage.Of(textInput: 100, cachedInput: 200, audioInput: 1000, textOutput: 40, audioOutput: 600));
        rows.Single().Cost.Total.Value.Should().Be((100 * 0.60m + 200 * 0.60m + 1000 * 10m + 40 * 2.40m + 600 * 20m) / 1_000_000);
        source.Assumptions.Should().Contain(a => a.Contains("cannot count all modalities", StringComparison.Ordinal));
    }

    [Fact]
    public void UndecidableNumbers_FollowTheChosenDefinition()
    {
        string page = Page(Result(1600, 1600, 200, 1050, 1200, 1));

        var (rows, _) = Read(page, new TraceOptions { InputTokens = InputTokensDefinition.TextOnly });

        // Read as text only: text = 1,600 - 200 cached; audio 1,050 on top; output 1,600 text + 1,200 audio.
        rows.Single().Usage.Should().Be(Usage.Of(textInput: 1400, cachedInput: 200, audioInput: 1050, textOutput: 1600, audioOutput: 1200));
    }

    [Fact]
    public void MalformedResults_AreListedWithLineFieldAndReason()
    {
        string page = Page(string.Join(",\n", Result(100, 10, 0, 0, 0, 0), Result(100, 10, 0, 0, 0, 1, model: "gpt-9"), Result(100, 10, 0, 500, 0, 1)));
        var rejections = new TraceRejections();

        var (rows, _) = Read(page, new TraceOptions { SkipInvalid = true, InputTokens = InputTokensDefinition.AllModalities }, rejections);

        rows.Should().BeEmpty();
        rejections.First.Select(r => (r.Line, r.Kind)).Should().Equal(
            (9, UsageRejectionKinds.ZeroRequests), (24, TraceRejectionKinds.UnknownModel), (39, UsageRejectionKinds.PartsExceedTotal));
        rejections.First[0].Message.Should().Be("num_model_requests: 0, but the result has 110 tokens; tokens need requests");
        rejections.First[2].Message.Should().Be("input_tokens: input_audio_tokens (500) + input_cached_tokens (0) = 500 exceed input_tokens of 100 (read as all modalities; the older text-only definition would fit)");
    }

    [Fact]
    public void TruncatedPage_IsAnErrorWithFileLineAndField()
    {
        string page = Page(Result(100, 10, 0, 0, 0, 1));
        string path = UsageFiles.Write(page[..(page.Length / 2)], ".json");

        var open = () => UsageFormats.Open(path, TestData.Catalog, new TraceOptions { Format = UsagePageSource.FormatKey }, new TraceRejections());

        open.Should().Throw<PlannerException>().WithMessage($"{path}:*: json: not valid JSON (truncated or malformed) at byte *");
    }

    [Fact]
    public void Simulation_SpreadsABucketsRequestsEvenly_WithEqualSharesThatSumToTheBucket()
    {
        // 4 requests in one minute: at 7.5, 22.5, 37.5 and 52.5 s; 10 output tokens shared 3, 3, 2, 2.
        string page = Page(Result(8, 10, 0, 0, 0, 4));

        var (rows, _) = Read(page, new TraceOptions { ForSimulation = true });

        rows.Select(r => (r.Timestamp - DateTimeOffset.FromUnixTimeSeconds(Start)).TotalSeconds).Should().Equal(7.5, 22.5, 37.5, 52.5);
        rows.Select(r => r.Usage.TextOutput.Value).Should().Equal(3, 3, 2, 2);
        rows.Select(r => r.Usage.TextInput.Value).Should().Equal(2, 2, 2, 2);
    }

    [Fact]
    public void Simulation_MergesTheResultsOfABucketInTimeOrder()
    {
        string page = Page(Result(8, 10, 0, 0, 0, 2) + ",\n" + Result(8, 10, 0, 0, 0, 3, project: "proj_b"));

        var (rows, _) = Read(page, new TraceOptions { ForSimulation = true });

        rows.Select(r => r.Timestamp).Should().BeInAscendingOrder();
        rows.Should().HaveCount(5);
    }

    [Fact]
    public void Simulation_Poisson_IsSeededAndStaysInsideTheBucket()
    {
        string page = Page(Result(800, 1000, 0, 0, 0, 50));
        var options = new TraceOptions { ForSimulation = true, Spread = BucketSpread.Poisson, SpreadSeed = 7 };

        var first = Read(page, options).Rows.Select(r => r.Timestamp).ToList();
        var again = Read(page, options).Rows.Select(r => r.Timestamp).ToList();

        first.Should().Equal(again).And.BeInAscendingOrder().And.HaveCount(50);
        first.Should().OnlyContain(t => t >= DateTimeOffset.FromUnixTimeSeconds(Start) && t < DateTimeOffset.FromUnixTimeSeconds(Start + 60));
    }

    [Fact]
    public void Simulation_OfADayBucket_IsRefusedWithAReason()
    {
        string path = UsageFiles.Write(Page(Result(8, 10, 0, 0, 0, 4), width: 86_400), ".json");
        using var source = UsageFormats.Open(path, TestData.Catalog, new TraceOptions { ForSimulation = true }, new TraceRejections());

        var read = () => source.TryRead(out _);

        read.Should().Throw<PlannerException>().WithMessage(
            $"{path}:4: bucket: 24 h wide; a simulation needs 1m or 1h buckets (a 1d bucket says nothing about a minute); export with bucket_width=1m or 1h, or use price");
    }

    [Fact]
    public void GroupBy_Project_AddsUpToTheTotalToTheLastDigit()
    {
        string page = Page(Result(1600, 1600, 200, 1050, 1200, 3) + ",\n" + Result(777, 333, 11, 0, 0, 7, project: "proj_b"));
        var rejections = new TraceRejections();
        using var source = UsageFormats.Open(UsageFiles.Write(page, ".json"), TestData.Catalog, new TraceOptions(), rejections);
        var costs = new TraceCosts();
        var groups = new GroupedCosts(source, UsageGroupBy.Project, costs);

        source.ReadAll(groups);

        groups.Groups.Select(g => g.Group).Should().Equal("proj_a", "proj_b");
        groups.Groups.Select(g => g.Totals.Requests).Should().Equal(3, 7);
        groups.Groups.Aggregate(Usd.Zero, (s, g) => s + g.Totals.Total).Should().Be(costs.Totals.Total);
        groups.Groups[1].Totals.Total.Value.Should().Be((766 * 0.60m + 11 * 0.60m + 333 * 2.40m) / 1_000_000);
    }

    /// <summary>A page on one line (for JSONL of pages): one bucket of a minute from <paramref name="start"/>.</summary>
    private static string Line(long start, params string[] results) =>
        $$"""{"object":"page","data":[{"object":"bucket","start_time":{{start}},"end_time":{{start + 60}},"results":[{{string.Join(",", results)}}]}],"has_more":true,"next_page":"page_AAAA"}""";

    private static string Compact(long input, long output, long cached, long audioIn, long audioOut, long requests, string project = "proj_a") =>
        $$"""{"object":"organization.usage.completions.result","input_tokens":{{input}},"output_tokens":{{output}},"input_cached_tokens":{{cached}},"input_audio_tokens":{{audioIn}},"output_audio_tokens":{{audioOut}},"num_model_requests":{{requests}},"project_id":"{{project}}","user_id":null,"api_key_id":null,"model":"gpt-audio-mini-2025-12-15","batch":false,"service_tier":null}""";

    private static List<TraceRequest> ReadAll(IUsageSource source)
    {
        var rows = new List<TraceRequest>();
        while (source.TryRead(out var row))
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>A new empty directory for a spool, deleted with what is left in it when the test ends.</summary>
    private static string SpoolDirectory()
    {
        string path = TestData.TempPath("spool");
        System.IO.Directory.CreateDirectory(path);
        return path;
    }

    // Three results, all modalities (the first has audio): 1,600 in = 350 text + 200 cached + 1,050 audio, 1,600 out = 400
    // text + 1,200 audio (2 requests); 100 in / 10 out (1); 777 in = 766 text + 11 cached, 333 out (7). gpt-audio-mini:
    // text and cached text input 0.60, audio input 10, text output 2.40, audio output 20 per 1M.
    private static readonly decimal ThreeResults =
        (350 * 0.60m + 200 * 0.60m + 1050 * 10m + 400 * 2.40m + 1200 * 20m + 100 * 0.60m + 10 * 2.40m + 766 * 0.60m + 11 * 0.60m + 333 * 2.40m) / 1_000_000;

    public static TheoryData<string> Layouts => ["one page", "jsonl", "pretty pages", "directory"];

    [Theory]
    [MemberData(nameof(Layouts))]
    public void ThePagesOfAnExport_PriceTheSame_AsOnePageJsonlPrettyPagesOrADirectory(string layout)
    {
        string pretty2 = Page(Result(100, 10, 0, 0, 0, 1, project: "proj_b"), Start + 60);
        string path = layout switch
        {
            "one page" => UsageFiles.Write(Page(string.Join(",\n", Result(1600, 1600, 200, 1050, 1200, 2), Result(100, 10, 0, 0, 0, 1, project: "proj_b"), Result(777, 333, 11, 0, 0, 7))), ".json"),
            "jsonl" => UsageFiles.Write(string.Join("\n", Line(Start, Compact(1600, 1600, 200, 1050, 1200, 2)), Line(Start + 60, Compact(100, 10, 0, 0, 0, 1, "proj_b")), Line(Start + 120, Compact(777, 333, 11, 0, 0, 7))) + "\n"),
            "pretty pages" => UsageFiles.Write(Page(Result(1600, 1600, 200, 1050, 1200, 2)) + "\n" + pretty2 + "\n" + Page(Result(777, 333, 11, 0, 0, 7), Start + 120), ".json"),
            _ => PageDirectory(Page(Result(1600, 1600, 200, 1050, 1200, 2)), pretty2, Line(Start + 120, Compact(777, 333, 11, 0, 0, 7))),
        };
        using var source = UsageFormats.Open(path, TestData.Catalog, new TraceOptions(), new TraceRejections());

        var rows = ReadAll(source);

        rows.Should().HaveCount(2 + 1 + 7);
        source.RowsRead.Should().Be(3);
        Total(rows).Should().Be(ThreeResults);
        source.BytePosition.Should().Be(source.FileLength, "every byte of the input is read");
        // The second result's request: its line in its own file.
        rows[2].Line.Should().Be(layout switch
        {
            "one page" => 24,
            "jsonl" => 2,
            "pretty pages" => Page(Result(1600, 1600, 200, 1050, 1200, 2)).Count(c => c == '\n') + 2 + 8,
            _ => 9,
        });
    }

    private static string PageDirectory(params string[] pages)
    {
        string directory = SpoolDirectory();
        for (int i = 0; i < pages.Length; i++)
        {
            File.WriteAllText(System.IO.Path.Combine(directory, $"page-{i}.json"), pages[i]);
        }

        return directory;
    }

    /// <summary>The JSONL export whose only proof of the text-only definition is its last page.</summary>
    private static readonly string ProofLast = string.Join("\n",
        Line(Start, Compact(1600, 1600, 200, 1050, 1200, 1)),
        Line(Start + 60, Compact(100, 10, 0, 0, 0, 1)),
        Line(Start + 120, Compact(300, 40, 200, 1000, 600, 1))) + "\n";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AProofOfTextOnly_InTheLastPage_DecidesTheDefinitionForTheFirstPagesResults(bool stream)
    {
        using var source = stream
            ? UsageFormats.Open(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(ProofLast)), "upload.jsonl", TestData.Catalog, new TraceOptions(), new TraceRejections())
            : UsageFormats.Open(UsageFiles.Write(ProofLast), TestData.Catalog, new TraceOptions(), new TraceRejections());

        var rows = ReadAll(source);

        ((UsagePageSource)source).InputTokens.Should().Be(InputTokensDefinition.TextOnly);
        // Text only: input_tokens 1,600 = 1,400 text + 200 cached, the 1,050 audio on top; output 1,600 text + 1,200 audio.
        rows[0].Usage.Should().Be(Usage.Of(textInput: 1400, cachedInput: 200, audioInput: 1050, textOutput: 1600, audioOutput: 1200));
        Total(rows).Should().Be((1400 * 0.60m + 200 * 0.60m + 1050 * 10m + 1600 * 2.40m + 1200 * 20m
            + 100 * 0.60m + 10 * 2.40m
            + 100 * 0.60m + 200 * 0.60m + 1000 * 10m + 40 * 2.40m + 600 * 20m) / 1_000_000);
        source.Assumptions.Should().Contain(a => a.Contains(":3 the audio and cached parts exceed it", StringComparison.Ordinal));
    }

    [Fact]
    public void ATruncatedLastPageOfJsonl_IsAnErrorAtItsLine()
    {
        string text = ProofLast[..^40];
        string path = UsageFiles.Write(text);

        var open = () => UsageFormats.Open(path, TestData.Catalog, new TraceOptions(), new TraceRejections());

        open.Should().Throw<PlannerException>().WithMessage($"{path}:3: json: not valid JSON (truncated or malformed) at byte *");
    }

    [Fact]
    public void ATruncatedPrettyPrintedSecondPage_IsAnErrorAtTheLineWhereItStops()
    {
        string first = Page(Result(100, 10, 0, 0, 0, 1));
        string second = Page(Result(100, 10, 0, 0, 0, 1), Start + 60);
        string half = second[..(second.Length / 2)];
        string path = UsageFiles.Write(first + "\n" + half, ".json");
        long line = first.Count(c => c == '\n') + 2 + half.Count(c => c == '\n');

        var read = () => ReadAll(UsageFormats.Open(path, TestData.Catalog, new TraceOptions { InputTokens = InputTokensDefinition.AllModalities }, new TraceRejections()));

        read.Should().Throw<PlannerException>().WithMessage($"{path}:{line}: json: not valid JSON (truncated or malformed) at byte *");
    }

    [Fact]
    public void AStream_WithTheDefinitionToDetect_IsSpooledToOneTempFile_DeletedOnDispose()
    {
        string spool = SpoolDirectory();
        byte[] bytes = System.Text.Encoding.UTF8.GetBytes(ProofLast);
        var source = UsagePageSource.Open(new MemoryStream(bytes), "upload.jsonl", TestData.Catalog, new TraceOptions(), new TraceRejections(), spool);

        source.TryRead(out _).Should().BeTrue();
        System.IO.Directory.GetFiles(spool).Should().ContainSingle("the stream is read again from its spool");
        source.FileLength.Should().Be(bytes.Length);
        while (source.TryRead(out _))
        {
        }

        source.BytePosition.Should().Be(bytes.Length);
        source.Dispose();

        System.IO.Directory.GetFiles(spool).Should().BeEmpty();
    }

    [Fact]
    public void AStream_WithTheDefinitionToDetect_LeavesNoTempFile_WhenItIsNotValid()
    {
        string spool = SpoolDirectory();

        var open = () => UsagePageSource.Open(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(ProofLast[..^40])), "upload.jsonl", TestData.Catalog, new TraceOptions(), new TraceRejections(), spool);

        open.Should().Throw<PlannerException>().WithMessage("upload.jsonl:3: json: not valid JSON (truncated or malformed) at byte *");
        System.IO.Directory.GetFiles(spool).Should().BeEmpty();
    }

    [Fact]
    public void AStream_WithTheDefinitionToDetect_LeavesNoTempFile_WhenAResultIsRejected()
    {
        string spool = SpoolDirectory();
        string text = Line(Start, Compact(100, 10, 0, 0, 0, 1)) + "\n" + Line(Start + 60, Compact(100, 10, 0, 0, 0, 0)) + "\n";

        using (var source = UsagePageSource.Open(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)), "upload.jsonl", TestData.Catalog, new TraceOptions(), new TraceRejections(), spool))
        {
            var read = () => ReadAll(source);

            read.Should().Throw<PlannerException>().WithMessage("upload.jsonl:2: num_model_requests: 0, but the result has 110 tokens; tokens need requests");
        }

        System.IO.Directory.GetFiles(spool).Should().BeEmpty();
    }

    [Fact]
    public void AStream_WithTheDefinitionGiven_IsReadOnce_WithoutATempFile()
    {
        string spool = SpoolDirectory();
        var once = new ReadOnceStream(System.Text.Encoding.UTF8.GetBytes(ProofLast));
        using var source = UsagePageSource.Open(once, "upload.jsonl", TestData.Catalog, new TraceOptions { InputTokens = InputTokensDefinition.TextOnly }, new TraceRejections(), spool);

        source.TryRead(out var first).Should().BeTrue();
        System.IO.Directory.GetFiles(spool).Should().BeEmpty();
        var rows = ReadAll(source);

        first.Usage.Should().Be(Usage.Of(textInput: 1400, cachedInput: 200, audioInput: 1050, textOutput: 1600, audioOutput: 1200));
        rows.Should().HaveCount(2);
        source.Assumptions.Should().Contain(a => a.EndsWith("(as asked)", StringComparison.Ordinal));
    }

    /// <summary>A stream that cannot seek and refuses to be read past its end twice (as standard input cannot be read again).</summary>
    private sealed class ReadOnceStream(byte[] bytes) : MemoryStream(bytes)
    {
        private bool _ended;

        public override bool CanSeek => false;

        public override int Read(byte[] buffer, int offset, int count)
        {
            int read = base.Read(buffer, offset, count);
            if (read == 0 && count > 0)
            {
                _ended = !_ended ? true : throw new InvalidOperationException("read again after its end");
            }

            return read;
        }
    }
}
