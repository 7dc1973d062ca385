using System.Globalization;
using Planner.Core.Catalog;
using Planner.Core.Pricing;
using Planner.Core.Regression;
using Planner.Core.Units;

namespace Planner.Core.Tests.Regression;

/// <summary>The bundled workloads in data/workloads/ follow the trace format, so `planner diff` can price them.</summary>
public class ReferenceWorkloadsTests
{
    private static readonly string Folder = Path.Combine(TestCatalogs.DataDirectory, "workloads");

    private static readonly string[] Names = ["voice-calls-day.csv", "batch-transcription-day.csv", "text-heavy-day.csv"];

    public static TheoryData<string> Files => new(Names);

    private static readonly string[] Counts = ["input_text_tokens", "cached_input_tokens", "input_audio_tokens", "output_text_tokens", "output_audio_tokens", "max_tokens"];

    [Fact]
    public void Folder_HoldsExactlyTheThreeReferenceWorkloads() =>
        Directory.GetFiles(Folder, "*.csv").Select(Path.GetFileName).Should().BeEquivalentTo(Names);

    /// <summary>A light check of the contract (header, names, counts, order, dates), not a trace reader.</summary>
    [Theory]
    [MemberData(nameof(Files))]
    public void Workload_IsAWellFormedTraceOfRealisticSize(string file)
    {
        var catalog = TestCatalogs.Bundled();
        string[] lines = File.ReadAllLines(Path.Combine(Folder, file));
        string[] header = lines[0].Split(',');
        header.Should().Contain(["timestamp", "model"]);
        lines.Length.Should().BeInRange(300, 5_001, "a few hundred to a few thousand rows");

        var previous = DateTimeOffset.MinValue;
        for (int i = 1; i < lines.Length; i++)
        {
            string[] cells = lines[i].Split(',');
            cells.Should().HaveCount(header.Length, $"line {i + 1}");
            var row = header.Zip(cells).ToDictionary(p => p.First, p => p.Second);
            var at = DateTimeOffset.Parse(row["timestamp"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
            at.Should().BeOnOrAfter(previous, $"line {i + 1} must be in time order");
            previous = at;
            catalog.TryResolve(row["model"], out var model).Should().BeTrue($"line {i + 1} names a known model");
            PricingEngine.PriceIndexAt(model.Prices, at).Should().BeGreaterThanOrEqualTo(0, $"line {i + 1} is after {model.Model.Id}'s first price");
            foreach (var count in Counts.Where(row.ContainsKey))
            {
                long.Parse(row[count], NumberStyles.None, CultureInfo.InvariantCulture).Should().BeGreaterThanOrEqualTo(0);
            }

            long input = Count(row, "input_text_tokens") + Count(row, "cached_input_tokens") + Count(row, "input_audio_tokens");
            long output = Count(row, "output_text_tokens") + Count(row, "output_audio_tokens");
            output.Should().BeLessThanOrEqualTo(model.Model.MaxOutputTokens.Value, $"line {i + 1}");
            (input + output).Should().BeLessThan(model.Model.ContextWindow.Value, $"line {i + 1}");
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Workload_PricedThroughTheTraceReader_CostsTheSumOfItsRowsByHand(string file)
    {
        // Independent sum: every row's tokens x the bundled prices (audio seconds x 10 tokens/s, rounded up).
        var catalog = TestCatalogs.Bundled();
        string[] lines = File.ReadAllLines(Path.Combine(Folder, file));
        string[] header = lines[0].Split(',');
        decimal expected = 0;
        foreach (var line in lines.Skip(1))
        {
            var row = header.Zip(line.Split(',')).ToDictionary(p => p.First, p => p.Second);
            var at = DateTimeOffset.Parse(row["timestamp"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
            var prices = PricingEngine.PricesAt(catalog.Resolve(row["model"]), at);
            long audioIn = row.TryGetValue("input_audio_seconds", out var s)
                ? (long)Math.Ceiling(decimal.Parse(s, CultureInfo.InvariantCulture) * 10)
                : Count(row, "input_audio_tokens");
            expected += ((Count(row, "input_text_tokens") * prices.TextInput.UsdPerMillion)
                + (Count(row, "cached_input_tokens") * prices.EffectiveCachedInput.UsdPerMillion)
                + (audioIn * prices.AudioInput.UsdPerMillion)
                + (Count(row, "output_text_tokens") * prices.TextOutput.UsdPerMillion)
                + (Count(row, "output_audio_tokens") * prices.AudioOutput.UsdPerMillion)) / 1_000_000;
        }

        var impact = WorkloadImpact.Measure(new TraceWorkload(Path.Combine(Folder, file)), catalog, catalog);

        impact.Base.Requests.Should().Be(lines.Length - 1);
        impact.Base.Total.Should().Be(Usd.FromDollars(expected));
        impact.Change.Value.Should().Be(0);
    }

    private static long Count(Dictionary<string, string> row, string column) =>
        row.TryGetValue(column, out var v) && v.Length > 0 ? long.Parse(v, CultureInfo.InvariantCulture) : 0;
}
