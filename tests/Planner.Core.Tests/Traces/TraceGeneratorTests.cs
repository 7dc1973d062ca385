using Planner.Core.Traces;

namespace Planner.Core.Tests.Traces;

public class TraceGeneratorTests
{
    private static byte[] Generate(int seed, long rows)
    {
        using var stream = new MemoryStream();
        TraceGenerator.Write(stream, new TraceGeneratorOptions { Rows = rows, Seed = seed });
        return stream.ToArray();
    }

    [Fact]
    public void Write_SameSeed_SameFile()
    {
        Generate(7, 2_000).Should().Equal(Generate(7, 2_000));
        Generate(7, 2_000).Should().NotEqual(Generate(8, 2_000));
    }

    [Fact]
    public void Write_ExactlyTheRowsAsked_InTimeOrder_AllValid_WithinTheDay()
    {
        string path = TestData.TempPath("gen");
        File.WriteAllBytes(path, Generate(3, 10_000));
        var rejections = new TraceRejections();

        var rows = TraceFile.Read(path, TestData.Catalog, new TraceOptions(), rejections).ToList();

        rows.Should().HaveCount(10_000);
        rejections.Count.Should().Be(0);
        rows.Should().BeInAscendingOrder(r => r.Timestamp);
        rows[0].Timestamp.Should().BeOnOrAfter(new DateTimeOffset(2026, 1, 15, 0, 0, 0, TimeSpan.Zero));
        rows[^1].Timestamp.Should().BeBefore(new DateTimeOffset(2026, 1, 16, 0, 0, 0, TimeSpan.Zero));
        // Diurnal: the busiest hours (weight 1.0) get more than twice the quietest (weight 0.2).
        var perHour = rows.GroupBy(r => r.Timestamp.Hour).ToDictionary(g => g.Key, g => g.Count());
        perHour[10].Should().BeGreaterThan(2 * perHour[3]);
    }

    [Fact]
    public void Write_Surge_PacksItsMinutesWithArrivals()
    {
        using var stream = new MemoryStream();
        TraceGenerator.Write(stream, new TraceGeneratorOptions { Rows = 10_000, Seed = 5, SurgeAt = TimeSpan.FromHours(10), SurgeFactor = 10 });
        var stamps = System.Text.Encoding.UTF8.GetString(stream.ToArray()).Split('\n').Skip(1).Where(l => l.Length > 0)
            .Select(l => DateTimeOffset.Parse(l[..24], System.Globalization.CultureInfo.InvariantCulture)).ToList();

        // 10:00-10:20 has ten times the intensity of 10:20-10:40 (same hourly weight).
        int surge = stamps.Count(t => t.Hour == 10 && t.Minute < 20);
        int after = stamps.Count(t => t.Hour == 10 && t.Minute is >= 20 and < 40);
        surge.Should().BeGreaterThan(5 * after);
    }

    [Fact]
    public void Write_InvalidOptions_SaysWhat()
    {
        var write = () => TraceGenerator.Write(new MemoryStream(), new TraceGeneratorOptions { Rows = 0, Days = 0 });

        write.Should().Throw<PlannerException>().WithMessage("rows must be >= 1, got 0; days must be >= 1, got 0");
    }

    [Theory]
    // Days x 1,440 minutes overflowed an int (and a 100,000-day intensity table took 1.2 GB); past 9999-12-31 overflowed a DateTime.
    [InlineData("2026-01-15", 2_900_000, "days must be at most 3,660 (ten years), got 2,900,000")]
    [InlineData("9999-12-30", 3, "days 3 from 9999-12-30 runs past 9999-12-31, the last date a timestamp can have")]
    public void Write_DaysOutOfRange_SaysWhat(string start, int days, string message)
    {
        var options = new TraceGeneratorOptions { Rows = 5, Start = DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), Days = days };

        var write = () => TraceGenerator.Write(new MemoryStream(), options);

        write.Should().Throw<PlannerException>().WithMessage(message);
    }

    [Fact]
    public void Write_LastDayAndAHugeSurge_StayInRange()
    {
        // A surge of int.MaxValue minutes from 10:00 runs to the end of the one day (first + length overflowed an int).
        using var stream = new MemoryStream();
        TraceGenerator.Write(stream, new TraceGeneratorOptions { Rows = 50, Start = new DateOnly(9999, 12, 31), SurgeAt = TimeSpan.FromHours(10), SurgeLength = TimeSpan.FromMinutes(int.MaxValue) });

        var lines = System.Text.Encoding.UTF8.GetString(stream.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(51);
        lines.Skip(1).Should().OnlyContain(l => l.StartsWith("9999-12-31T", StringComparison.Ordinal));
    }
}
