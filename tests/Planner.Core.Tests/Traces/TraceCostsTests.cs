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
