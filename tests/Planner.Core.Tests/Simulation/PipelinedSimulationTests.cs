using System.Globalization;
using System.Text;
using Planner.Core.Simulation;
using Planner.Core.Traces;

namespace Planner.Core.Tests.Simulation;

/// <summary>The pipelined reads against the direct one, on generated traces long enough to cross many batches
/// (<see cref="TracePipeline.BatchRows"/> rows each) and chunks: parse on one thread and simulate on another
/// (<see cref="TracePipeline"/>), and parse in chunks on every core and simulate in file order (<see cref="TraceChunkFeed"/>)
/// with several chunk sizes, one parser or several.</summary>
public class PipelinedSimulationTests
{
    private static readonly string[] Tiers = ["1", "2", "5"];

    private static string Generated(long rows, int seed, DateOnly? start = null, TimeSpan? surgeAt = null)
    {
        string path = TestData.TempPath($"pipeline-{rows}-{seed}");
        TraceGenerator.Write(path, new TraceGeneratorOptions { Rows = rows, Seed = seed, Start = start ?? new DateOnly(2026, 1, 15), SurgeAt = surgeAt });
        return path;
    }

    /// <summary>The generated trace with line <paramref name="line"/> (the header is line 1) replaced.</summary>
    private static string WithLine(string path, int line, string replacement)
    {
        var lines = File.ReadAllLines(path);
        lines[line - 1] = replacement;
        string edited = TestData.TempPath("pipeline-edited");
        File.WriteAllLines(edited, lines);
        return edited;
    }

    /// <summary>The direct read (one thread), and every pipelined one.</summary>
    private const string Direct = "direct";

    /// <summary>Every pipelined feed: one reader through the ring, and chunks of several sizes (at least
    /// <see cref="TraceChunkFeed.ChunkBytes"/>; a generated 20,000-row trace is about 1.4 MB) on two parsers or one.</summary>
    public static readonly IReadOnlyDictionary<string, TraceChunking> Feeds = new Dictionary<string, TraceChunking>
    {
        ["pipelined"] = TraceChunking.Sequential,
        ["chunks of 256 KiB"] = new() { FromBytes = 0, Chunks = 1 },
        ["13 chunks"] = new() { FromBytes = 0, Chunks = 13 },
        ["97 chunks, one parser"] = new() { FromBytes = 0, Chunks = 97, Parallelism = 1 },
        ["a chunk per line"] = new() { FromBytes = 0, AtEveryLine = true },
    };

    private static (SimulationResult? Result, Exception? Error, List<RequestOutcome> Outcomes) Simulate(string path, SimulationOptions options, string feed, bool skipInvalid = false)
    {
        var outcomes = new List<RequestOutcome>();
        var chunking = feed == Direct ? TraceChunking.Sequential : Feeds[feed];
        using var source = CsvTraceSource.Open(path, TestData.Catalog, new TraceOptions { SkipInvalid = skipInvalid, ForSimulation = true, RequireRequests = true, Chunking = chunking }, new TraceRejections());
        try
        {
            var result = TraceSimulator.Run(source, TestData.Catalog, options, null, outcomes.Add, pipelined: feed != Direct);
            return (result, null, outcomes);
        }
        catch (PlannerException e)
        {
            return (null, e, outcomes);
        }
    }

    public static TheoryData<int, int, string, OnLimit> Cases()
    {
        var cases = new TheoryData<int, int, string, OnLimit>();
        foreach (var tier in Tiers)
        {
            cases.Add(20_000, 3, tier, OnLimit.Queue);
            cases.Add(20_000, 4, tier, OnLimit.Retry);
        }

        // Fewer rows than one batch, and exactly a whole number of batches.
        cases.Add(100, 5, "1", OnLimit.Queue);
        cases.Add(TracePipeline.BatchRows * 3, 6, "1", OnLimit.Retry);
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Pipelined_GeneratedTrace_SameReportAndOutcomesAsDirect(int rows, int seed, string tier, OnLimit onLimit)
    {
        // A surge saturates tier 1 (queues and retries), so the limiter's every path runs.
        string path = Generated(rows, seed, surgeAt: TimeSpan.FromHours(9));
        var options = new SimulationOptions { Tier = tier, OnLimit = onLimit };

        var direct = Simulate(path, options, Direct);

        direct.Error.Should().BeNull();
        direct.Result!.RowsRead.Should().Be(rows);
        direct.Outcomes.Should().HaveCount(rows);
        foreach (var feed in Feeds.Keys)
        {
            var pipelined = Simulate(path, options, feed);
            pipelined.Error.Should().BeNull(feed);
            Report(pipelined.Result!).Should().Be(Report(direct.Result), feed);
            pipelined.Outcomes.Should().Equal(direct.Outcomes, feed);
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(5_000)]
    [InlineData(12_345)]
    [InlineData(20_001)]
    public void Pipelined_BadRowMidFile_SameErrorSameLine_AndNoResult(int line)
    {
        // An unknown model on one line of a 20,000-row trace (line 20,001 is the last row).
        string path = WithLine(Generated(20_000, 7), line, "2026-01-15T23:59:59.999Z,gpt-nonexistent,1,0,0,1,0,,req_bad");
        var options = new SimulationOptions { Tier = "1" };

        var direct = Simulate(path, options, Direct);

        direct.Result.Should().BeNull();
        direct.Error!.Message.Should().StartWith($"{path}:{line}: model: unknown model 'gpt-nonexistent'");
        direct.Outcomes.Should().HaveCount(line - 2);
        foreach (var feed in Feeds.Keys)
        {
            var pipelined = Simulate(path, options, feed);
            pipelined.Result.Should().BeNull(feed);
            pipelined.Error!.Message.Should().Be(direct.Error.Message, feed);
            pipelined.Error.Should().BeOfType<PlannerException>().Which.Kind.Should().Be(PlannerErrorKind.InvalidTrace);
            // Every row before the bad one was simulated, and none after it.
            pipelined.Outcomes.Should().Equal(direct.Outcomes, feed);
        }
    }

    [Fact]
    public void Pipelined_SkipInvalid_SameRejectionsAndReportAsDirect()
    {
        string path = Generated(10_000, 8);
        path = WithLine(path, 3, "2026-01-15T00:00:00.5Z,gpt-audio-mini,-3,0,0,1,0,,req_neg");
        path = WithLine(path, 4_000, "not-a-time,gpt-audio-mini,1,0,0,1,0,,req_time");
        path = WithLine(path, 9_000, "2026-01-15T20:00:00Z,gpt-nonexistent,1,0,0,1,0,,req_model");
        var options = new SimulationOptions { Tier = "1" };

        var direct = Simulate(path, options, Direct, skipInvalid: true);

        direct.Result!.TraceRejections.Count.Should().Be(3);
        direct.Result.TraceRejections.First.Select(r => r.Line).Should().Equal(3, 4_000, 9_000);
        foreach (var feed in Feeds.Keys)
        {
            var pipelined = Simulate(path, options, feed, skipInvalid: true);
            Report(pipelined.Result!).Should().Be(Report(direct.Result), feed);
            pipelined.Outcomes.Should().Equal(direct.Outcomes, feed);
        }
    }

    [Fact]
    public void Pipelined_TierOfAnotherScheme_SameErrorAsDirect()
    {
        // "build" belongs to the scheme that starts on 2026-10-06; a January trace is under tiers 1-5.
        string path = Generated(5_000, 9);
        var options = new SimulationOptions { Tier = "build" };

        var direct = Simulate(path, options, Direct);

        direct.Error.Should().NotBeNull();
        foreach (var feed in Feeds.Keys)
        {
            var pipelined = Simulate(path, options, feed);
            pipelined.Error!.Message.Should().Be(direct.Error!.Message, feed);
            pipelined.Outcomes.Should().BeEmpty(feed);
        }
    }

    [Theory]
    [InlineData(OnLimit.Queue)]
    [InlineData(OnLimit.Retry)]
    public void ChunkedFeed_FirstNeverAdmissibleRowMidChunk_SameCompletedCostsAsDirect(OnLimit onLimit)
    {
        // Two rows whose TPM charge (44,000 + max_tokens 1,024) is over tier 1's TPM limit, mid-chunk in every feed: under
        // queue the completed cost is the offered one up to the first of them, which a chunk sink adds row by row from its
        // chunk (the offered sums hold only the chunks before it).
        string generated = Generated(20_000, 17, surgeAt: TimeSpan.FromHours(9));
        var lines = File.ReadAllLines(generated);
        foreach (int line in new[] { 7_777, 15_001 })
        {
            lines[line - 1] = lines[line - 1][..24] + ",gpt-audio-mini,44000,0,0,100,0,1024,req_over";
        }

        string path = TestData.TempPath("pipeline-over-capacity");
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
        var options = new SimulationOptions { Tier = "1", OnLimit = onLimit };

        var direct = Simulate(path, options, Direct);

        direct.Result!.LimitRejections.First.Select(r => r.Line).Should().Equal(7_777, 15_001);
        direct.Result.Costs.Totals.Requests.Should().Be(20_000 - 2 - direct.Result.Dropped);
        foreach (var feed in Feeds.Keys)
        {
            var chunked = Simulate(path, options, feed);
            Report(chunked.Result!).Should().Be(Report(direct.Result), feed);
            chunked.Outcomes.Should().Equal(direct.Outcomes, feed);
        }
    }

    [Fact]
    public void ChunkedFeed_ProgressCallbackThrows_ItsExceptionIsRaised_AndTheReadStops()
    {
        // Progress is reported every 65,536 rows, on the calling thread, which also merges, parses and simulates.
        string path = Generated(150_000, 21);
        using var source = CsvTraceSource.Open(path, TestData.Catalog, new TraceOptions { ForSimulation = true, Chunking = Feeds["13 chunks"] }, new TraceRejections());
        int reports = 0;

        var run = () => TraceSimulator.Run(source, TestData.Catalog, new SimulationOptions { Tier = "5" }, _ =>
        {
            reports++;
            throw new InvalidOperationException("stopped by the user");
        });

        run.Should().Throw<InvalidOperationException>().WithMessage("stopped by the user");
        reports.Should().Be(1);
    }

    /// <summary>The lines (1-based) on which the chunks of <paramref name="chunking"/>'s feed of <paramref name="path"/> start,
    /// the first chunk (the header's) left out.</summary>
    private static List<int> ChunkStartLines(string path, TraceChunking chunking)
    {
        using var file = File.OpenHandle(path);
        long length = RandomAccess.GetLength(file);
        var starts = TraceChunks.Plan(file, length, chunking with { Chunks = TraceChunkFeed.ChunksFor(length, chunking.Chunks) })!;
        var bytes = File.ReadAllBytes(path);
        return [.. starts.Skip(1).Select(start => bytes.AsSpan(0, (int)start).Count((byte)'\n') + 1)];
    }

    [Theory]
    [InlineData(OnLimit.Queue, true)]
    [InlineData(OnLimit.Retry, true)]
    [InlineData(OnLimit.Queue, false)]
    [InlineData(OnLimit.Retry, false)]
    public void ChunkedFeed_OutOfOrderRowsAtChunkStartsAndBadRows_SameReportAsDirect(OnLimit onLimit, bool skipInvalid)
    {
        // At the start of some of the 13-chunk feed's chunks a row earlier than the row before it (the same number of
        // bytes, so the chunks still start there); at another a bad row followed by an earlier one; a bad row mid-chunk.
        string generated = Generated(20_000, 13, surgeAt: TimeSpan.FromHours(9));
        var starts = ChunkStartLines(generated, Feeds["13 chunks"]);
        var lines = File.ReadAllLines(generated);
        string Early(string line) => "2026-01-15T00:00:00.000Z" + line[24..];
        lines[starts[2] - 1] = Early(lines[starts[2] - 1]);
        lines[starts[5] - 1] = Early(lines[starts[5] - 1]);
        lines[starts[7] - 1] = lines[starts[7] - 1].Replace(",gpt-audio-mini,", ",gpt-audio-mini,-", StringComparison.Ordinal);
        lines[starts[7]] = Early(lines[starts[7]]);
        lines[4_321 - 1] = "2026-01-15T09:00:00.000Z,gpt-audio-mini,1,0,0,x,0,,req_bad";
        string path = TestData.TempPath("pipeline-chunk-starts");
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
        ChunkStartLines(path, Feeds["13 chunks"]).Should().Equal(starts, "the edits keep every row's length");
        var options = new SimulationOptions { Tier = "1", OnLimit = onLimit };

        var direct = Simulate(path, options, Direct, skipInvalid);

        if (skipInvalid)
        {
            direct.Result!.TraceRejections.Count.Should().Be(5);
            direct.Result.TraceRejections.First.Select(r => r.Line).Should().Equal(new long[] { 4_321, starts[2], starts[5], starts[7], starts[7] + 1 }.Order());
            // The surge saturates tier 1: requests wait (queue) or are retried.
            (onLimit == OnLimit.Retry ? direct.Result.Retries : direct.Result.QueueDelay.Max.Ticks).Should().BePositive();
        }
        else
        {
            direct.Error!.Message.Should().StartWith($"{path}:{Math.Min(4_321, starts[2])}: ");
        }

        foreach (var feed in Feeds.Keys)
        {
            var chunked = Simulate(path, options, feed, skipInvalid);
            chunked.Error?.Message.Should().Be(direct.Error?.Message, feed);
            if (skipInvalid)
            {
                Report(chunked.Result!).Should().Be(Report(direct.Result!), feed);
            }

            chunked.Outcomes.Should().Equal(direct.Outcomes, feed);
        }
    }

    public static TheoryData<string, OnLimit> RecommendCases() => new()
    {
        { "2026-01-15", OnLimit.Queue },
        { "2026-01-15", OnLimit.Retry },
        // Under the Free/Build/Launch/Grow scheme: the first row picks the other ladder.
        { "2026-11-02", OnLimit.Queue },
    };

    [Theory]
    [MemberData(nameof(RecommendCases))]
    public void Recommend_InParallel_SameRecommendationReasonsAndFiguresAsDirect(string start, OnLimit onLimit)
    {
        string path = Generated(20_000, 10, DateOnly.Parse(start, CultureInfo.InvariantCulture), surgeAt: TimeSpan.FromHours(12));
        var options = new SimulationOptions { Tier = "1", OnLimit = onLimit };

        var direct = Recommend(path, options, workers: 0);
        var parallel = Recommend(path, options, workers: 2);
        var three = Recommend(path, options, workers: 3);

        direct.Tiers.Should().NotBeEmpty();
        Report(parallel).Should().Be(Report(direct));
        Report(three).Should().Be(Report(direct));
        foreach (var (feed, chunking) in Feeds)
        {
            Report(Recommend(path, options, workers: 2, chunking)).Should().Be(Report(direct), feed);
        }
    }

    [Fact]
    public void Recommend_InParallel_BadRow_SameErrorAsDirect()
    {
        string path = WithLine(Generated(8_000, 11), 6_000, "2026-01-15T23:00:00Z,gpt-audio-mini,1,0,0,x,0,,req_bad");
        var options = new SimulationOptions { Tier = "1" };

        var direct = () => Recommend(path, options, workers: 0);
        var parallel = () => Recommend(path, options, workers: 2);

        string message = direct.Should().Throw<PlannerException>().Which.Message;
        message.Should().StartWith($"{path}:6000: output_text_tokens:");
        parallel.Should().Throw<PlannerException>().WithMessage(message);
        foreach (var (feed, chunking) in Feeds)
        {
            var chunked = () => Recommend(path, options, workers: 2, chunking);
            chunked.Should().Throw<PlannerException>(feed).Which.Message.Should().Be(message, feed);
        }
    }

    /// <summary>A generated trace where some rows can never be admitted at the low tiers (40,000 input tokens against
    /// tier 1's 30,000 TPM), the very first row among them and of a model (gpt-audio) seen nowhere before, and a third
    /// model first seen mid-trace: the completed requests are not the offered ones, nor in their models' order.</summary>
    private static string WithRowsNeverAdmissible()
    {
        var lines = File.ReadAllLines(Generated(12_000, 12, surgeAt: TimeSpan.FromHours(9)));
        for (int i = 1; i < lines.Length; i++)
        {
            var fields = lines[i].Split(',');
            if (i % 5 == 0 || i == 1)
            {
                fields[1] = "gpt-audio";
            }

            if (i == 6_000)
            {
                fields[1] = "gpt-4o-audio-preview";
            }

            if (i is 1 or 3_000 or 3_001 or 9_999)
            {
                fields[2] = "40000";
            }

            lines[i] = string.Join(',', fields);
        }

        string path = TestData.TempPath("pipeline-never-admissible");
        File.WriteAllLines(path, lines);
        return path;
    }

    /// <summary>The cost of the rows <paramref name="completed"/> names, summed row by row in file order (under queue
    /// a request is admitted, and was billed, as it arrives): the oracle for a simulation's completed cost.</summary>
    private static TraceCosts SumOf(string path, IEnumerable<RequestOutcome> completed)
    {
        var lines = completed.Where(o => o.Kind == RequestOutcomeKind.Completed).Select(o => o.Line).ToHashSet();
        var costs = new TraceCosts();
        using var reader = TraceReader.Open(path, TestData.Catalog, new TraceOptions { ForSimulation = true, RequireRequests = true }, new TraceRejections());
        while (reader.TryRead(out var request))
        {
            if (lines.Contains(request.Line))
            {
                costs.Add(request);
            }
        }

        return costs;
    }

    [Theory]
    [InlineData("free", Direct)]
    [InlineData("1", Direct)]
    [InlineData("1", "pipelined")]
    [InlineData("2", "pipelined")]
    [InlineData("5", "pipelined")]
    [InlineData("free", "13 chunks")]
    [InlineData("1", "13 chunks")]
    [InlineData("1", "a chunk per line")]
    [InlineData("2", "97 chunks, one parser")]
    public void Queue_SomeRowsNeverAdmissible_CompletedCostIsTheSumOfTheCompletedRows(string tier, string feed)
    {
        string path = WithRowsNeverAdmissible();

        var run = Simulate(path, new SimulationOptions { Tier = tier }, feed);

        var result = run.Result!;
        Text("completed", result.Costs).Should().Be(Text("completed", SumOf(path, run.Outcomes)));
        result.Completed.Should().Be(result.Costs.Totals.Requests);
        result.Completed.Should().Be(result.RowsPriced - result.LimitRejections.Count);
        if (tier == "1")
        {
            // The first row is never admissible at tier 1: the models are billed in another order than offered.
            result.LimitRejections.Count.Should().Be(4);
            result.Costs.ByModel.Select(m => m.Model).Should().NotEqual(result.OfferedCosts.ByModel.Select(m => m.Model));
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void Recommend_SomeRowsNeverAdmissible_EachTiersResultIsItsOwnSimulations(int workers)
    {
        string path = WithRowsNeverAdmissible();
        var options = new SimulationOptions { Tier = "1" };

        var recommendation = Recommend(path, options, workers);

        recommendation.Tiers.Should().HaveCount(6);
        foreach (var tier in recommendation.Tiers)
        {
            // Alone: its own read, its own cost sums, every completion billed as it goes, delays above the objective counted.
            using var reader = TraceReader.Open(path, TestData.Catalog, new TraceOptions { ForSimulation = true, RequireRequests = true }, new TraceRejections());
            var simulator = new TraceSimulator(TestData.Catalog, options with { Tier = tier.Result.Tier });
            simulator.TrackDelay(new RecommendObjectives().MaxP99Delay);
            reader.ReadAll(simulator);
            var alone = simulator.Finish(reader.RowsRead, reader.Rejections);
            Report(tier.Result, withModels: false).Should().Be(Report(alone, withModels: false), $"tier {tier.Result.Tier} is simulated alone the same");
            // The recommender counts no model's throughput figures (it shows none), only the peak concurrency.
            tier.Result.Models.Should().BeEmpty();
        }
    }

    private static string Text(string name, TraceCosts costs)
    {
        var text = new StringBuilder();
        Costs(text, name, costs);
        return text.ToString();
    }

    private static TierRecommendation Recommend(string path, SimulationOptions options, int workers, TraceChunking? chunking = null)
    {
        using var source = CsvTraceSource.Open(path, TestData.Catalog, new TraceOptions { ForSimulation = true, RequireRequests = true, Chunking = chunking ?? TraceChunking.Sequential }, new TraceRejections());
        return TierRecommender.Recommend(source, TestData.Catalog, options, new RecommendObjectives(), null, workers);
    }

    /// <summary>Every figure of a recommendation, as text.</summary>
    private static string Report(TierRecommendation r)
    {
        var text = new StringBuilder();
        text.AppendLine($"recommended {r.Recommended?.Name} | {r.Choice.Headline} | {r.NoTierReason} | fits {r.FitsMonthlyLimit} | limit tier {r.MonthlyLimitTier?.Name} | month {r.MonthlyProjection}");
        Costs(text, "costs", r.Costs);
        foreach (var tier in r.Tiers)
        {
            text.AppendLine($"tier {tier.Result.Tier}: meets {tier.MeetsObjectives}: {tier.Reason}");
            text.Append(Report(tier.Result));
        }

        return text.ToString();
    }

    /// <summary>Every figure of a simulation, as text.</summary>
    private static string Report(SimulationResult r, bool withModels = true)
    {
        var text = new StringBuilder();
        text.AppendLine($"{r.Tier} read {r.RowsRead} priced {r.RowsPriced} completed {r.Completed} dropped {r.Dropped} throttled {r.ThrottledAttempts}/{r.ThrottledRequests} retries {r.Retries}");
        text.AppendLine($"peak {r.PeakConcurrency} bound {r.PeakConcurrencyIsUpperBound} unsupported {r.Unsupported} reserved {(withModels ? r.ReservedUnusedTokens : "-")} rate {r.ThrottleRate:R}");
        var d = r.QueueDelay;
        text.AppendLine($"delays {d.Count} max {d.Max.Ticks} above {d.CountAbove} p50 {d.Percentile(0.5).Ticks} p90 {d.Percentile(0.9).Ticks} p99 {d.Percentile(0.99).Ticks} p999 {d.Percentile(0.999).Ticks}");
        foreach (var model in withModels ? r.Models : [])
        {
            text.AppendLine(model.ToString());
        }

        Rejections(text, "trace", r.TraceRejections);
        Rejections(text, "limits", r.LimitRejections);
        Costs(text, "completed", r.Costs);
        Costs(text, "offered", r.OfferedCosts);
        return text.ToString();
    }

    private static void Rejections(StringBuilder text, string name, TraceRejections rejections)
    {
        text.AppendLine($"{name} rejections {rejections.Count}: {string.Join(", ", rejections.ByReason.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"))}");
        foreach (var rejection in rejections.First)
        {
            text.AppendLine(rejection.ToString());
        }
    }

    private static void Costs(StringBuilder text, string name, TraceCosts costs)
    {
        text.AppendLine($"{name}: {costs.Totals.Requests} requests, {costs.Totals.TotalPicodollars} pUSD, {costs.First?.UtcTicks}..{costs.Last?.UtcTicks}");
        foreach (var (model, totals) in costs.ByModel)
        {
            text.AppendLine($"  {model}: {totals.Requests} {string.Join(" ", Enum.GetValues<Planner.Core.Catalog.Meter>().Select(m => $"{totals.Tokens(m)}/{totals[m].Value}"))}");
        }

        foreach (var bucket in costs.ByHour.Concat(costs.ByDay))
        {
            text.AppendLine($"  {bucket.Start.UtcTicks}: {bucket.Requests} {bucket.Picodollars}");
        }
    }
}
