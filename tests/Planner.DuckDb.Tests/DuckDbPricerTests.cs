using DuckDB.NET.Data;
using Planner.Core;
using Planner.Core.Catalog;
using Planner.Core.Tests.Sql;
using Planner.Core.Traces;

namespace Planner.DuckDb.Tests;

public sealed class DuckDbPricerTests : IDisposable
{
    private const string Header = "timestamp,model,input_text_tokens,cached_input_tokens,input_audio_tokens,output_text_tokens,output_audio_tokens";
    private readonly string _dir = Directory.CreateTempSubdirectory("planner-duckdb-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Price_GeneratedCsv_EqualsTheStreamingReaderToTheLastDigit()
    {
        // Three days across gpt-audio-mini's price change on 2026-01-16.
        string csv = Generate("trace.csv", rows: 20_000, seed: 7);

        var duck = DuckDbPricer.Price(SqlTestCatalog.Catalog, [csv]);

        var (streaming, rowsRead, rejections) = Stream(csv);
        duck.RowsRead.Should().Be(rowsRead).And.Be(20_000);
        duck.Rejections.Count.Should().Be(rejections.Count).And.Be(0);
        ShouldEqual(duck.Costs, streaming);
        streaming.ByDay.Should().HaveCount(3);
    }

    [Fact]
    public void Price_ParquetWrittenByDuckDb_EqualsTheStreamingReaderOnTheCsv()
    {
        string csv = Generate("trace.csv", rows: 20_000, seed: 11);
        string parquet = Path.Combine(_dir, "trace.parquet");
        using (var connection = new DuckDBConnection("Data Source=:memory:"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            // Typed columns (an instant, integers), as a warehouse export has them.
            command.CommandText = $"COPY (SELECT CAST(timestamp AS TIMESTAMPTZ) AS timestamp, model, CAST(input_text_tokens AS BIGINT) AS input_text_tokens, " +
                $"CAST(cached_input_tokens AS BIGINT) AS cached_input_tokens, CAST(input_audio_tokens AS BIGINT) AS input_audio_tokens, " +
                $"CAST(output_text_tokens AS BIGINT) AS output_text_tokens, CAST(output_audio_tokens AS BIGINT) AS output_audio_tokens " +
                $"FROM read_csv('{csv}', all_varchar = true)) TO '{parquet}' (FORMAT parquet)";
            command.ExecuteNonQuery();
        }

        var duck = DuckDbPricer.Price(SqlTestCatalog.Catalog, [parquet]);

        var (streaming, rowsRead, _) = Stream(csv);
        duck.RowsRead.Should().Be(rowsRead);
        ShouldEqual(duck.Costs, streaming);
    }

    [Fact]
    public void Price_Glob_PricesEveryMatchingFileOnce()
    {
        string first = Generate("part-1.csv", rows: 5_000, seed: 1);
        string second = Generate("part-2.csv", rows: 7_000, seed: 2);

        var duck = DuckDbPricer.Price(SqlTestCatalog.Catalog, [Path.Combine(_dir, "part-*.csv")]);

        var (a, _, _) = Stream(first);
        var (b, _, _) = Stream(second);
        duck.RowsRead.Should().Be(12_000);
        duck.Costs.Totals.Total.Should().Be(a.Totals.Total + b.Totals.Total);
        duck.Costs.Totals.Requests.Should().Be(12_000);
    }

    [Fact]
    public void Price_BadRows_AreCountedByTheStreamingReadersReasons_AndTheRestPricedByHand()
    {
        string csv = Write("mixed.csv",
            "2025-01-01T00:00:00Z,gpt-audio-mini,1,0,0,0,0",              // before the first price: no_price
            "2026-01-15T09:00:00Z,gpt-audio-mini,1000,0,0,0,0",           // 1,000 x 0.60 / 1M = 0.0006
            "2026-01-15T09:00:01Z,gpt-5,1,0,0,0,0",                       // unknown_model
            "2026-01-15T09:00:02Z,gpt-audio-mini,-3,0,0,0,0",             // negative_count
            "2026-01-15T09:00:03Z,gpt-audio-mini,12x,0,0,0,0",            // unparsable_field
            "2026-01-15T09:00:04Z,gpt-audio,,,100,,",                     // empty = 0: 100 x 32 / 1M = 0.0032
            "2026-01-15T09:00:05Z,gpt-audio-mini,0,0,0,20000,0",          // over_cap (16,384 output)
            "2026-01-16T10:00:00Z,gpt-audio-mini-2025-10-06,0,0,0,0,1000", // own prices: 1,000 x 22 / 1M = 0.022
            "2026-01-16T11:00:00Z, AUDIO-MINI ,1000,1000,0,0,0",          // alias, new prices: 0.0005 + 1,000 x 0.05 / 1M = 0.00005
            "2026-01-17T00:00:00Z,gpt-audio-mini-2025-10-06,1,0,0,0,0",   // on its shutdown day: no_price
            ",gpt-audio,1,0,0,0,0");                                       // missing_field

        var duck = DuckDbPricer.Price(SqlTestCatalog.Catalog, [csv]);

        var (streaming, rowsRead, rejections) = Stream(csv);
        duck.RowsRead.Should().Be(rowsRead).And.Be(11);
        duck.Rejections.ByReason.Should().BeEquivalentTo(rejections.ByReason);
        duck.Rejections.ByReason.Should().BeEquivalentTo(new Dictionary<string, long>
        {
            ["no_price"] = 2, ["unknown_model"] = 1, ["negative_count"] = 1, ["unparsable_field"] = 1, ["over_cap"] = 1, ["missing_field"] = 1,
        });
        duck.Costs.Totals.Total.Value.Should().Be((1_000 * 0.60m / 1_000_000) + (100 * 32m / 1_000_000) + (1_000 * 22m / 1_000_000) + (1_000 * 0.50m / 1_000_000) + (1_000 * 0.05m / 1_000_000));
        ShouldEqual(duck.Costs, streaming);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(2_900)]
    public void Price_ARowWithTooFewFields_IsRejectedAsMissingField_AndTheRestPricedLikeTheStreamingReader(int at)
    {
        // One short row among 3,000 (early, and late: past the rows DuckDB samples to sniff the format).
        var rows = Enumerable.Range(0, 3_000).Select(i => $"2026-01-15T09:{i / 60 % 60:00}:{i % 60:00}Z,gpt-audio-mini,1000,0,0,0,0").ToList();
        rows[at] = $"2026-01-15T09:{at / 60 % 60:00}:{at % 60:00}Z,gpt-audio-mini,1000,0";
        string csv = Write("short-row.csv", [.. rows]);

        var duck = DuckDbPricer.Price(SqlTestCatalog.Catalog, [csv]);

        var (streaming, rowsRead, rejections) = Stream(csv);
        duck.RowsRead.Should().Be(rowsRead).And.Be(3_000);
        duck.Rejections.ByReason.Should().BeEquivalentTo(rejections.ByReason).And.BeEquivalentTo(new Dictionary<string, long> { ["missing_field"] = 1 });
        duck.Costs.Totals.Total.Value.Should().Be(2_999 * (1_000 * 0.60m / 1_000_000));
        ShouldEqual(duck.Costs, streaming);
    }

    [Fact]
    public void Price_ARowWithTooManyFields_IsCountedAsRejected_NeverDroppedOrFatal()
    {
        string csv = Write("long-row.csv",
            "2026-01-15T09:00:00Z,gpt-audio-mini,1000,0,0,0,0",
            "2026-01-15T09:00:01Z,gpt-audio-mini,1000,0,0,0,0,7,extra",
            "2026-01-15T09:00:02Z,gpt-audio-mini,2000,0,0,0,0");

        var duck = DuckDbPricer.Price(SqlTestCatalog.Catalog, [csv]);

        // The streaming reader ignores fields past the header's; DuckDB sets the row aside: read, and rejected.
        duck.RowsRead.Should().Be(3);
        duck.Rejections.ByReason.Should().BeEquivalentTo(new Dictionary<string, long> { ["malformed_row"] = 1 });
        duck.Costs.Totals.Total.Value.Should().Be(3_000 * 0.60m / 1_000_000);
    }

    [Fact]
    public void Price_SemicolonSeparatedFile_IsStillSniffed()
    {
        string csv = Path.Combine(_dir, "semi.csv");
        File.WriteAllLines(csv, [Header.Replace(',', ';'), "2026-01-15T09:00:00Z;gpt-audio-mini;1000;0;0;0;0"]);

        var duck = DuckDbPricer.Price(SqlTestCatalog.Catalog, [csv]);

        duck.RowsRead.Should().Be(1);
        duck.Costs.Totals.Total.Value.Should().Be(1_000 * 0.60m / 1_000_000);
    }

    [Fact]
    public void Price_TokensOnAMeterTheModelDoesNotPrice_AreRejectedLikeTheStreamingReader()
    {
        string csv = Path.Combine(_dir, "image.csv");
        File.WriteAllText(csv, "timestamp,model,input_text_tokens,input_image_tokens,cached_input_audio_tokens\n" +
            "2026-01-15T09:00:00Z,gpt-audio-mini,100,0,0\n" +   // 100 x 0.60 / 1M
            "2026-01-15T09:00:01Z,gpt-audio-mini,100,10,0\n" +  // image input has no price: unpriced_meter
            "2026-01-15T09:00:02Z,gpt-audio-mini,0,0,1000\n");  // cached audio at the audio input rate: 1,000 x 10 / 1M

        var duck = DuckDbPricer.Price(SqlTestCatalog.Catalog, [csv]);

        var (streaming, _, rejections) = Stream(csv);
        duck.Rejections.ByReason.Should().BeEquivalentTo(rejections.ByReason).And.ContainKey("unpriced_meter");
        duck.Costs.Totals.Total.Value.Should().Be((100 * 0.60m / 1_000_000) + (1_000 * 10m / 1_000_000));
        ShouldEqual(duck.Costs, streaming);
    }

    [Fact]
    public void Price_FileNameWithQuotes_IsReadAsAPathNotAsSql()
    {
        string plain = Generate("plain.csv", rows: 100, seed: 3);
        string tricky = Path.Combine(_dir, "o'brien'); DROP TABLE x; --.csv");
        File.Copy(plain, tricky);

        var duck = DuckDbPricer.Price(SqlTestCatalog.Catalog, [tricky]);

        duck.RowsRead.Should().Be(100);
        duck.Costs.Totals.Total.Should().Be(DuckDbPricer.Price(SqlTestCatalog.Catalog, [plain]).Costs.Totals.Total);
    }

    [Fact]
    public void Price_GlobMatchingNothing_FailsNamingThePattern()
    {
        string pattern = Path.Combine(_dir, "none-*.parquet");

        var act = () => DuckDbPricer.Price(SqlTestCatalog.Catalog, [pattern]);

        act.Should().Throw<PlannerException>().Which.Message.Should().StartWith(pattern + ": ");
    }

    [Fact]
    public void Price_WithoutAModelColumn_FailsNamingTheColumns()
    {
        string csv = Path.Combine(_dir, "nomodel.csv");
        File.WriteAllText(csv, "timestamp,input_text_tokens\n2026-01-15T09:00:00Z,5\n");

        var act = () => DuckDbPricer.Price(SqlTestCatalog.Catalog, [csv]);

        act.Should().Throw<PlannerException>().WithMessage($"{csv}: no 'model' column (columns: timestamp, input_text_tokens)");
    }

    [Fact]
    public void Price_ModelOverride_PricesEveryRowOnThatModel()
    {
        string csv = Write("two.csv", "2026-01-15T09:00:00Z,gpt-audio-mini,1000,0,0,0,0", "2026-01-15T09:00:01Z,unknown-model,0,0,0,1000,0");

        var duck = DuckDbPricer.Price(SqlTestCatalog.Catalog, [csv], new DuckDbPriceOptions { ModelOverride = "gpt-audio" });

        duck.Rejections.Count.Should().Be(0);
        duck.Costs.ByModel.Should().ContainSingle().Which.Model.Should().Be("gpt-audio");
        duck.Costs.Totals.Total.Value.Should().Be((1_000 * 2.50m / 1_000_000) + (1_000 * 10m / 1_000_000));
    }

    private static void ShouldEqual(TraceCosts actual, TraceCosts expected)
    {
        foreach (var meter in Enum.GetValues<Meter>())
        {
            actual.Totals[meter].Should().Be(expected.Totals[meter], $"the {meter} cost");
            actual.Totals.Tokens(meter).Should().Be(expected.Totals.Tokens(meter), $"the {meter} tokens");
        }

        actual.Totals.TotalPicodollars.Should().Be(expected.Totals.TotalPicodollars);
        actual.Totals.Requests.Should().Be(expected.Totals.Requests);
        actual.ByModel.Select(m => (m.Model, m.Totals.Requests, m.Totals.TotalPicodollars))
            .Should().Equal(expected.ByModel.Select(m => (m.Model, m.Totals.Requests, m.Totals.TotalPicodollars)));
        actual.ByDay.Select(d => (d.Start, d.Requests, d.Picodollars)).Should().Equal(expected.ByDay.Select(d => (d.Start, d.Requests, d.Picodollars)));
        actual.ByHour.Select(d => (d.Start, d.Requests, d.Picodollars)).Should().Equal(expected.ByHour.Select(d => (d.Start, d.Requests, d.Picodollars)));
        actual.First.Should().Be(expected.First);
        actual.Last.Should().Be(expected.Last);
        actual.MonthlyProjection.Should().Be(expected.MonthlyProjection);
    }

    private static (TraceCosts Costs, long RowsRead, TraceRejections Rejections) Stream(string path)
    {
        var rejections = new TraceRejections();
        using var reader = TraceReader.Open(path, SqlTestCatalog.Catalog, new TraceOptions { SkipInvalid = true }, rejections);
        var costs = new TraceCosts();
        reader.ReadAll(costs);
        return (costs, reader.RowsRead, rejections);
    }

    private string Generate(string name, long rows, int seed)
    {
        string path = Path.Combine(_dir, name);
        TraceGenerator.Write(path, new TraceGeneratorOptions { Rows = rows, Seed = seed, Start = new DateOnly(2026, 1, 15), Days = 3 });
        return path;
    }

    private string Write(string name, params string[] rows)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, Header + "\n" + string.Join("\n", rows) + "\n");
        return path;
    }
}
