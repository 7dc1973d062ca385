using Planner.Core.Pricing;
using Planner.Core.Projection;

namespace Planner.Core.Tests.Projection;

/// <summary>The learner's bottom-k sample is a uniform sample without replacement: over many seeds every request is
/// kept equally often, and so is every pair (as a reservoir sample's would be), whether the requests are at distinct
/// instants or all at one (told apart by their rank in the run), and identical requests are kept independently.</summary>
public class RequestSampleTests
{
    private const int Rows = 20;
    private const int Kept = 5;
    private const int Seeds = 4_000;
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Which of the <see cref="Rows"/> requests (told apart by their text tokens, 1 to 20) seed <paramref name="seed"/> keeps.</summary>
    private static int[] KeptRows(int seed, bool oneInstant)
    {
        var model = TestCatalog.Model("gpt-audio-mini");
        var learner = new WorkloadLearner(Kept, seed);
        for (int i = 0; i < Rows; i++)
        {
            learner.Observe(oneInstant ? Start : Start.AddSeconds(i * 7), model, Usage.Of(textInput: i + 1));
        }

        return [.. learner.SampleOf(model.Model.Id).Select(r => (int)r.Usage.TextInput.Value - 1)];
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Sample_OverManySeeds_KeepsEveryRequestAndEveryPairEquallyOften(bool oneInstant)
    {
        var singles = new int[Rows];
        var pairs = new int[Rows, Rows];
        for (int seed = 1; seed <= Seeds; seed++)
        {
            var kept = KeptRows(seed, oneInstant);
            kept.Should().HaveCount(Kept).And.OnlyHaveUniqueItems("a sample without replacement");
            foreach (int a in kept)
            {
                singles[a]++;
                foreach (int b in kept.Where(b => b > a))
                {
                    pairs[a, b]++;
                }
            }
        }

        // Each request is kept with probability 5/20: expected 1,000 times in 4,000 seeds. The statistic is chi-square
        // with 19 degrees of freedom (scaled by 1 - p for inclusion counts); its 99.9th percentile is 43.8.
        double p = (double)Kept / Rows;
        double expected = Seeds * p;
        double chiSingles = singles.Sum(o => (o - expected) * (o - expected) / (expected * (1 - p)));
        chiSingles.Should().BeLessThan(43.8, $"kept counts {string.Join(", ", singles)}");

        // Each pair is kept with probability C(18,3)/C(20,5) = 816/15,504: expected 210.5 times. 190 pairs, about 189
        // degrees of freedom: mean 189, sd 19.4; 250 is more than three sd above.
        double pairExpected = Seeds * 816.0 / 15_504;
        double chiPairs = 0;
        for (int a = 0; a < Rows; a++)
        {
            for (int b = a + 1; b < Rows; b++)
            {
                chiPairs += (pairs[a, b] - pairExpected) * (pairs[a, b] - pairExpected) / pairExpected;
            }
        }

        chiPairs.Should().BeLessThan(250);
    }

    [Fact]
    public void Sample_RunsOfIdenticalRequests_KeepsTheirSharesNotWholeRuns()
    {
        // 2,000 requests at two instants, alternating two identical shapes: a key of the content alone would keep or
        // drop a whole run of identical requests together; ranks in the run keep each one on its own.
        var model = TestCatalog.Model("gpt-audio-mini");
        var a = Usage.Of(textInput: 100);
        var b = Usage.Of(textInput: 900);
        var learner = new WorkloadLearner(200, 7);
        for (int i = 0; i < 2_000; i++)
        {
            learner.Observe(Start.AddHours(i / 1_000), model, i % 2 == 0 ? a : b);
        }

        var kept = learner.SampleOf(model.Model.Id);

        kept.Should().HaveCount(200);
        // Binomial(200, 1/2): sd 7; 70 to 130 is more than four sd either side.
        kept.Count(r => r.Usage == a).Should().BeInRange(70, 130);
        kept.Count(r => r.Ticks == Start.UtcTicks).Should().BeInRange(70, 130);
    }

    [Fact]
    public void Sample_SameSeed_KeepsTheSameRequests_OtherSeedsOthers()
    {
        KeptRows(11, oneInstant: false).Should().Equal(KeptRows(11, oneInstant: false));
        Enumerable.Range(1, 20).Select(s => string.Join(",", KeptRows(s, oneInstant: false))).Distinct().Count().Should().BeGreaterThan(15);
    }
}
