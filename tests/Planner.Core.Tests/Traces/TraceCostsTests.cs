using FsCheck;
using FsCheck.Fluent;
using Planner.Core.Traces;

namespace Planner.Core.Tests.Traces;

public class TraceCostsTests
{
    [Fact]
    public void Totals_EqualTheSumOfTheRowsToTheLastDigit_ByModelHourAndDay()
    {
        string path = TestData.TempPath("costs");
        TraceGenerator.Write(path, new TraceGeneratorOptions { Rows = 5_000, Seed = 11, Days = 2 });
        var costs = new TraceCosts();
        Int128 sum = 0;

        foreach (var row in TraceFile.Read(path, TestData.Catalog, new TraceOptions(), new TraceRejections()))
        {
            sum += row.Cost.TotalPicodollars;
            costs.Add(row);
        }

        costs.Totals.TotalPicodollars.Should().Be(sum);
        costs.Totals.Requests.Should().Be(5_000);
        costs.ByModel.Aggregate(Int128.Zero, (a, m) => a + m.Totals.TotalPicodollars).Should().Be(sum);
        costs.ByHour.Aggregate(Int128.Zero, (a, h) => a + h.Picodollars).Should().Be(sum);
        costs.ByDay.Aggregate(Int128.Zero, (a, d) => a + d.Picodollars).Should().Be(sum);
        costs.ByDay.Should().HaveCount(2);
        costs.ByHour.Sum(h => h.Requests).Should().Be(5_000);
    }

    [Fact]
    public void Add_SumsPast2To63_StayExactInEveryTotal()
    {
        // Costs near long.MaxValue each: the 64-bit running sums must move into the 128-bit totals before they wrap.
        var model = TestData.Catalog.Resolve("gpt-audio-mini");
        long big = long.MaxValue / 3;
        var cost = new Planner.Core.Pricing.CostBreakdown(new Planner.Core.Catalog.MeterValues<long> { [Planner.Core.Catalog.Meter.TextInput] = big, [Planner.Core.Catalog.Meter.AudioOutput] = big });
        var usage = Planner.Core.Pricing.Usage.Of(textInput: 1_000_000_000, audioOutput: 1);
        var costs = new TraceCosts();
        var start = new DateTimeOffset(2026, 1, 15, 9, 0, 0, TimeSpan.Zero);

        for (int i = 0; i < 10; i++)
        {
            costs.Add(model, start.AddSeconds(i), usage, cost);
        }

        Int128 expected = (Int128)big * 2 * 10;
        costs.Totals.TotalPicodollars.Should().Be(expected);
        costs.Totals.Tokens(Planner.Core.Catalog.Meter.TextInput).Should().Be((Int128)10 * 1_000_000_000);
        costs.ByModel.Should().ContainSingle().Which.Totals.Requests.Should().Be(10);
        costs.ByHour.Should().ContainSingle().Which.Picodollars.Should().Be(expected);
        costs.ByDay.Should().ContainSingle().Which.Requests.Should().Be(10);
    }

    [Fact]
    public void Sums_ReadBetweenAdds_AreUpToDateEachTime()
    {
        var model = TestData.Catalog.Resolve("gpt-audio-mini");
        var cost = Planner.Core.Pricing.CostBreakdown.On(Planner.Core.Catalog.Meter.TextInput, 600);
        var costs = new TraceCosts();
        var at = new DateTimeOffset(2026, 1, 15, 9, 0, 0, TimeSpan.Zero);

        costs.Add(model, at, Planner.Core.Pricing.Usage.Of(textInput: 1), cost);
        costs.Totals.TotalPicodollars.Should().Be(600);
        costs.Add(model, at.AddHours(1), Planner.Core.Pricing.Usage.Of(textInput: 1), cost);

        costs.Totals.TotalPicodollars.Should().Be(1_200);
        costs.ByHour.Select(h => h.Requests).Should().Equal(1, 1);
        costs.ByDay.Should().ContainSingle().Which.Picodollars.Should().Be(1_200);
    }

    [Fact]
    public void MonthlyProjection_ScalesTheTotalFromTheSpanToThirtyDays()
    {
        string path = TestData.Trace("timestamp,model,input_text_tokens",
            "2026-01-15T00:00:00Z,gpt-audio-mini,1000",
            "2026-01-15T12:00:00Z,gpt-audio-mini,1000");
        var costs = new TraceCosts();
        foreach (var row in TraceFile.Read(path, TestData.Catalog, new TraceOptions(), new TraceRejections()))
        {
            costs.Add(row);
        }

        // 2,000 tokens x $0.60 / 1M over half a day: x 60 for 30 days.
        costs.MonthlyProjection!.Value.Value.Should().Be(2_000 * 0.60m / 1_000_000 * 60);
    }

    [Fact]
    public void MonthlyProjection_OfOneInstant_IsNull()
    {
        var costs = new TraceCosts();
        costs.MonthlyProjection.Should().BeNull();
    }

    [FsCheck.Xunit.Property(MaxTest = 50)]
    public void Totals_AreExactForAnyRows(NonNegativeInt[] counts)
    {
        var lines = new List<string> { "timestamp,model,input_text_tokens,output_audio_tokens" };
        Int128 expected = 0;
        for (int i = 0; i < counts.Length; i++)
        {
            long text = counts[i].Get % 100_000;
            long audio = counts[i].Get % 16_000;
            lines.Add($"2026-01-15T{i / 3600 % 24:00}:{i / 60 % 60:00}:{i % 60:00}Z,gpt-audio-mini,{text},{audio}");
            // $0.60 and $20 per 1M tokens are 600,000 and 20,000,000 picodollars a token.
            expected += (text * 600_000L) + (audio * 20_000_000L);
        }

        var costs = new TraceCosts();
        foreach (var row in TraceFile.Read(TestData.Trace([.. lines]), TestData.Catalog, new TraceOptions(), new TraceRejections()))
        {
            costs.Add(row);
        }

        costs.Totals.TotalPicodollars.Should().Be(expected);
        costs.ByHour.Aggregate(Int128.Zero, (a, h) => a + h.Picodollars).Should().Be(expected);
    }

    private static TraceCosts Costs(params string[] rows)
    {
        string path = TestData.Trace(["timestamp,model,input_text_tokens", .. rows]);
        var costs = new TraceCosts();
        foreach (var row in TraceFile.Read(path, TestData.Catalog, new TraceOptions(), new TraceRejections()))
        {
            costs.Add(row);
        }

        return costs;
    }

    [Fact]
    public void ProjectionCaveat_TraceWithinOneHour_SaysTheMonthRepeatsIt()
    {
        var costs = Costs("2026-01-15T10:00:00Z,gpt-audio-mini,1000", "2026-01-15T10:00:49Z,gpt-audio-mini,1000");

        costs.MonthlyProjection.Should().NotBeNull();
        costs.ProjectionCaveat.Should().Be("the trace has requests in only 1 of the 24 hours of the day (UTC): the month repeats their rate, whatever the time of day");
    }

    [Fact]
    public void ProjectionCaveat_EveryHourOfTheDayRepresented_IsNone()
    {
        var costs = Costs([.. Enumerable.Range(0, 24).Select(h => $"2026-01-15T{h:00}:30:00Z,gpt-audio-mini,1000")]);

        costs.ProjectionCaveat.Should().BeNull();
    }

    [Fact]
    public void ProjectionCaveat_OneInstant_IsNoneBecauseNothingIsExtrapolated()
    {
        var costs = Costs("2026-01-15T10:00:00Z,gpt-audio-mini,1000");

        costs.MonthlyProjection.Should().BeNull();
        costs.ProjectionCaveat.Should().BeNull();
    }
}
