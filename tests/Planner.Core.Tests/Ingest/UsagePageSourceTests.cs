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
}
