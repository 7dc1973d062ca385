using FluentAssertions;
using Planner.Core.Calls;
using Planner.Core.Catalog;
using Planner.Core.Migration;
using Planner.Core.Projection;
using Planner.Core.Units;
using Xunit;

namespace Planner.Core.Tests.Calls;

/// <summary>The figures of the README's "20,000 four-minute calls a day" answer, worked by hand from FACTS.md's prices and
/// checked against the library on models built in code with those prices.</summary>
public class ReadmeCallFiguresTests
{
    private const decimal M = 1_000_000m;
    private const decimal CallsPerMonth = 30 * 20_000m;

    // 8 turns (240 s / 30 s); turn k: 500 text + 100 + 500 (k - 1) audio in, 400 audio out.
    // Summed: 4,000 text in, 14,800 audio in, 3,200 audio out. At cache-hit 1, Responses 2-8 cache the previous input:
    // 3,500 text and 100 + 600 + ... + 3,100 = 11,200 audio. At 0.5, half of each rounded down: 1,750 text, 5,600 audio.
    public static TheoryData<string, decimal, decimal> Calls => new()
    {
        { "gpt-audio-mini", 0.5m, (4_000 * 0.60m / M) + (14_800 * 10m / M) + (3_200 * 20m / M) },
        { "gpt-audio-1.5", 0.5m, (4_000 * 2.50m / M) + (14_800 * 32m / M) + (3_200 * 64m / M) },
        { "gpt-realtime-2.1-mini", 0m, (4_000 * 0.60m / M) + (14_800 * 10m / M) + (3_200 * 20m / M) },
        { "gpt-realtime-2.1-mini", 0.5m, (2_250 * 0.60m / M) + (1_750 * 0.06m / M) + (9_200 * 10m / M) + (5_600 * 0.30m / M) + (3_200 * 20m / M) },
        { "gpt-realtime-2.1-mini", 1m, (500 * 0.60m / M) + (3_500 * 0.06m / M) + (3_600 * 10m / M) + (11_200 * 0.30m / M) + (3_200 * 20m / M) },
    };

    private static CallPlan Plan(string model, decimal cacheHit)
    {
        var resolved = CallModels.Resolve(model);
        var shape = CallShape.FromMinutes(4m, 1m, new CallShape
        {
            Turns = 1,
            UserAudio = AudioDuration.FromSeconds(10),
            AssistantAudio = AudioDuration.FromSeconds(20),
            SystemTextTokens = new TokenCount(500),
        });
        return CallPlanner.Plan(resolved, resolved.Model.Prices[0], shape, new CallOptions { CacheHitShare = cacheHit }, CallModels.Rates, CallModels.Today);
    }

    [Theory]
    [MemberData(nameof(Calls))]
    public void ReadmeCall_CostsWhatTheReadmeSays(string model, decimal cacheHit, decimal perCall)
    {
        Plan(model, cacheHit).Total.Value.Should().Be(perCall);
    }

    [Fact]
    public void ReadmeFigures_AreTheOnesPrinted()
    {
        // The README prints these per call and per 30-day month of 600,000 calls.
        Plan("gpt-audio-mini", 0.5m).Total.Value.Should().Be(0.2144m);
        Plan("gpt-audio-1.5", 0.5m).Total.Value.Should().Be(0.6884m);
        Plan("gpt-realtime-2.1-mini", 0m).Total.Value.Should().Be(0.2144m);
        Plan("gpt-realtime-2.1-mini", 0.5m).Total.Value.Should().Be(0.159135m);
        Plan("gpt-realtime-2.1-mini", 1m).Total.Value.Should().Be(0.10387m);
        ((500 * 0.60m / M) + (800 * 10m / M) + (3_200 * 20m / M)).Should().Be(0.0723m); // one request of the call's audio
        (CallsPerMonth * 0.2144m).Should().Be(128_640m);
        (CallsPerMonth * 0.6884m).Should().Be(413_040m);
        (CallsPerMonth * 0.159135m).Should().Be(95_481m);
        (CallsPerMonth * 0.10387m).Should().Be(62_322m);
    }

    [Theory]
    [InlineData("gpt-audio-mini", 0.5, "grow")]
    [InlineData("gpt-audio-1.5", 0.5, null)]
    [InlineData("gpt-realtime-2.1-mini", 0, "grow")]
    [InlineData("gpt-realtime-2.1-mini", 1, "grow")]
    public void ReadmeTiers_AreTheLowestThatCarryTheMonth(string model, double cacheHit, string? tier)
    {
        var resolved = CallModels.Resolve(model);
        var workload = new Workload([new WorkloadStream(resolved, Arrivals.FixedPerDay(20_000m), CallUsage.Fixed(Plan(model, (decimal)cacheHit)))], []);

        var month = Projector.Project(workload, [ProjectionTarget.AsGiven], new ProjectionOptions { Months = 1 }, new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero)).Targets[0].Months[0];

        month.OrganizationTier?.Name.Should().Be(tier);
        if (tier is null)
        {
            var warning = UsageLimitWarnings.For(resolved.Model, [(1, month.Mean)]).Should().ContainSingle().Subject;
            warning.Key.Should().Be("no_self_serve_tier");
            warning.Message.Should().Match("month 1: spend $413,040 is over *'s $200,000 monthly usage limit, the highest self-serve tier: no self-serve tier covers it*");
        }
    }
}
