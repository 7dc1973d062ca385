using FsCheck;
using Planner.Core.Catalog;
using Planner.Core.Pricing;
using Planner.Core.Projection;
using Planner.Core.Units;

namespace Planner.Core.Tests.Projection;

/// <summary>The learner is mergeable: a trace cut into parts, each learned by its own <see cref="WorkloadLearner.Part"/>
/// and merged in order, learns exactly what one learner reading it whole learns, to the last digit, sample included.</summary>
public class WorkloadLearnerChunkingTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
    private static readonly ResolvedModel[] Models = [TestCatalog.Model("gpt-audio-mini"), TestCatalog.Model("gpt-audio"), TestCatalog.Model("gpt-realtime-mini")];

    private readonly record struct Row(DateTimeOffset At, ResolvedModel Model, Usage Usage, TokenCount? MaxTokens);

    /// <summary>A trace from the generated gaps and tokens: runs of requests at one instant (every third gap is zero),
    /// gaps from a tick to six hours, tokens from 0 to 10^9 per meter, one to three models, max_tokens on some rows,
    /// and, when <paramref name="ordered"/> is false, steps back in time (an input like a response log, not in order).</summary>
    private static List<Row> Trace(TimeGap[] gaps, MeterTokens[] tokens, bool ordered, int models)
    {
        var rows = new List<Row>();
        var at = Start;
        for (int i = 0; i < gaps.Length; i++)
        {
            long gap = gaps[i].Ticks % 3 == 0 ? 0 : gaps[i].Ticks;
            at = !ordered && i % 4 == 1 && at - TimeSpan.FromTicks(gap) > Start ? at - TimeSpan.FromTicks(gap) : at + TimeSpan.FromTicks(gap);
            long T(int k) => tokens.Length == 0 ? k : tokens[(i + k) % tokens.Length].Value;
            var usage = new Usage(new TokenCount(T(0)), new TokenCount(T(1) % 1_000), new TokenCount(T(2)), new TokenCount(T(3)), new TokenCount(T(4) % 50_000));
            TokenCount? max = T(5) % 2 == 0 ? null : new TokenCount(T(5) % 100_000);
            rows.Add(new Row(at, Models[(int)(T(6) % models)], usage, max));
        }

        return rows;
    }

    private static WorkloadLearner Sequential(List<Row> rows, int sampleSize, int seed)
    {
        var learner = new WorkloadLearner(sampleSize, seed);
        foreach (var r in rows)
        {
            learner.Observe(r.At, r.Model, r.Usage, r.MaxTokens);
        }

        return learner;
    }

    /// <summary>The rows cut at <paramref name="cuts"/> (any positions, empty parts and cuts inside a run included), each
    /// part into its own part learner, merged in order into a whole one.</summary>
    private static WorkloadLearner Chunked(List<Row> rows, int sampleSize, int seed, int parts, NonNegativeInt[] cuts)
    {
        var at = Enumerable.Range(0, parts - 1).Select(j => cuts.Length == 0 ? rows.Count * (j + 1) / parts : cuts[j % cuts.Length].Get % (rows.Count + 1)).Order().ToList();
        at.Add(rows.Count);
        var whole = new WorkloadLearner(sampleSize, seed);
        int from = 0;
        foreach (int to in at)
        {
            var part = WorkloadLearner.Part(sampleSize, seed);
            for (int i = from; i < to; i++)
            {
                part.Observe(rows[i].At, rows[i].Model, rows[i].Usage, rows[i].MaxTokens);
            }

            whole.Merge(part);
            from = to;
        }

        return whole;
    }

    [FsCheck.Xunit.Property(MaxTest = 200, Arbitrary = [typeof(Arbitraries)])]
    public void Merge_AnyChunkingInto2Or3Or7Parts_LearnsWhatTheSequentialReadLearns(TimeGap[] gaps, MeterTokens[] tokens, NonNegativeInt[] cuts, PositiveInt size, bool ordered, byte models)
    {
        var rows = Trace(gaps, tokens, ordered, 1 + (models % 3));
        // A sample from 1 to 40 requests, so that most traces overflow it and the bottom-k selection is exercised.
        int sampleSize = 1 + (size.Get % 40);
        int seed = size.Get;
        string sequential = WorkloadFingerprint.Of(Sequential(rows, sampleSize, seed));

        foreach (int parts in new[] { 2, 3, 7 })
        {
            WorkloadFingerprint.Of(Chunked(rows, sampleSize, seed, parts, cuts)).Should().Be(sequential, $"{parts} parts of {rows.Count} rows");
        }
    }

    [FsCheck.Xunit.Property(MaxTest = 50, Arbitrary = [typeof(Arbitraries)])]
    public void Merge_LogNormalFit_LearnsWhatTheSequentialReadLearns(TimeGap[] gaps, MeterTokens[] tokens, NonNegativeInt[] cuts)
    {
        var rows = Trace(gaps, tokens, ordered: true, models: 2);

        WorkloadFingerprint.Of(Chunked(rows, 10, 5, 3, cuts), UsageFit.LogNormal).Should().Be(WorkloadFingerprint.Of(Sequential(rows, 10, 5), UsageFit.LogNormal));
    }

    [Fact]
    public void Merge_EveryRowAtOneInstantAcrossEveryPart_RanksThemAsOneRun()
    {
        // 60 requests at one instant, then 60 at the next: every part boundary but one falls inside a run.
        var rows = Enumerable.Range(0, 120)
            .Select(i => new Row(Start.AddHours(i / 60), Models[0], Usage.Of(textInput: 1 + i), null)).ToList();
        string sequential = WorkloadFingerprint.Of(Sequential(rows, 7, 3));

        foreach (int parts in new[] { 2, 3, 7, 13, 120 })
        {
            WorkloadFingerprint.Of(Chunked(rows, 7, 3, parts, [])).Should().Be(sequential, $"{parts} parts");
        }

        sequential.Should().Contain("count 120").And.Contain("kept ");
    }

    [Fact]
    public void Merge_APartLearnedAlone_IsReadAsTheInputsStart()
    {
        var rows = Trace([new TimeGap(0), new TimeGap(5), new TimeGap(0), new TimeGap(7)], [new MeterTokens(10)], ordered: true, models: 1);
        var part = WorkloadLearner.Part(5, 1);
        foreach (var r in rows)
        {
            part.Observe(r.At, r.Model, r.Usage, r.MaxTokens);
        }

        WorkloadFingerprint.Of(part).Should().Be(WorkloadFingerprint.Of(Sequential(rows, 5, 1)));
    }

    [Fact]
    public void Merge_AWholeLearnerOrAnotherSeed_IsRefused()
    {
        var whole = new WorkloadLearner(10, 1);
        var other = new WorkloadLearner(10, 1);
        other.Observe(Start, Models[0], Usage.Of(textInput: 1));

        var mergeWhole = () => whole.Merge(other);
        var mergeSeed = () => whole.Merge(WorkloadLearner.Part(10, 2));

        mergeWhole.Should().Throw<ArgumentException>().WithMessage("only a part learner*");
        mergeSeed.Should().Throw<ArgumentException>().WithMessage("only another learner with the same sample size and seed*");
    }
}
