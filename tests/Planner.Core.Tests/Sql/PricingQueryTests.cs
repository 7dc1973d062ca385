using Planner.Core.Sql;

namespace Planner.Core.Tests.Sql;

public class PricingQueryTests
{
    public static TheoryData<string> Dialects => new(SqlDialects.All.Select(d => d.Name));

    /// <summary>Each dialect's query for the small test catalog, against a reviewed golden file. Set
    /// PLANNER_UPDATE_GOLDEN=1 to rewrite them after a deliberate change (and review the diff).</summary>
    [Theory]
    [MemberData(nameof(Dialects))]
    public void Generate_ForTheTestCatalog_MatchesTheGoldenFile(string dialect)
    {
        string sql = PricingQuery.Generate(SqlTestCatalog.Catalog, SqlDialects.Find(dialect)!, new PricingQueryOptions { Table = "analytics.llm_requests" });
        string path = Path.Combine(GoldenDirectory(), $"{dialect}.sql");
        if (Environment.GetEnvironmentVariable("PLANNER_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, sql);
        }

        sql.ReplaceLineEndings("\n").Should().Be(File.ReadAllText(path).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Generate_PriceTable_ResolvesEveryNameToThePricesItBillsAt()
    {
        string sql = PricingQuery.Generate(SqlTestCatalog.Catalog, SqlDialects.DuckDb);

        // The snapshot with its own prices bills at them (0.70 / 1M = 0.0000007 per text input token) until its shutdown.
        sql.Should().Contain("('gpt-audio-mini-2025-10-06', 'gpt-audio-mini-2025-10-06', DATE '2025-10-06', DATE '2026-01-17', 16384, 128000, 0.000000700000, 0.000000070000, 0.000011000000, 0.000011000000, NULL, NULL, 0.000002800000, 0.000022000000)");
        // The snapshot without prices bills at its model's two periods, under its own id.
        sql.Should().Contain("('gpt-audio-mini-2025-12-15', 'gpt-audio-mini-2025-12-15', DATE '2025-10-06', DATE '2026-01-16', 16384, 128000, 0.000000600000, 0.000000600000, 0.000010000000, 0.000010000000, NULL, NULL, 0.000002400000, 0.000020000000)");
        sql.Should().Contain("('gpt-audio-mini-2025-12-15', 'gpt-audio-mini-2025-12-15', DATE '2026-01-16', NULL, 16384, 128000, 0.000000500000, 0.000000050000, 0.000008000000, 0.000008000000, NULL, NULL, 0.000002000000, 0.000016000000)");
        // Cached audio without a price of its own bills at the audio input rate; image input has no price (NULL).
        // The alias bills as its model.
        sql.Should().Contain("('audio-mini', 'gpt-audio-mini', DATE '2026-01-16', NULL,");
    }

    [Fact]
    public void Generate_EveryMeter_HasAPriceColumnATokenSumAndACost()
    {
        string sql = PricingQuery.Generate(SqlTestCatalog.Catalog, SqlDialects.DuckDb);

        SqlMeters.All.Should().HaveCount(Enum.GetValues<Planner.Core.Catalog.Meter>().Length);
        foreach (var meter in SqlMeters.All)
        {
            sql.Should().Contain($"{meter.Name}_usd").And.Contain($"AS {meter.Name}_tokens,").And.Contain($"AS {meter.Name}_cost")
                .And.Contain($"WHEN '{meter.Name}' THEN g.{meter.Name}_cost").And.Contain($"{meter.Field} AS {meter.Name}_raw");
        }
    }

    [Fact]
    public void Generate_TokensOnAMeterWithoutAPrice_RejectTheRowAsUnpriced()
    {
        string sql = PricingQuery.Generate(SqlTestCatalog.Catalog, SqlDialects.DuckDb);

        sql.Should().Contain("WHEN pr.image_input_usd IS NULL AND COALESCE(d.image_input_tokens, 0) <> 0 THEN 'unpriced_meter'")
            .And.Contain("input_image_tokens AS image_input_raw");
    }

    [Fact]
    public void Generate_BigQuery_WritesConstantTablesAsStructArraysInBigNumeric()
    {
        string sql = PricingQuery.Generate(SqlTestCatalog.Catalog, SqlDialects.BigQuery);

        sql.Should().NotContain("VALUES").And.Contain("UNNEST(ARRAY<STRUCT<model_name STRING, billing_id STRING, effective_from DATE")
            .And.Contain("text_input_usd BIGNUMERIC").And.Contain("AS BIGNUMERIC) AS cost_usd");
    }

    [Fact]
    public void Generate_AggregatedUsageRows_SkipThePerRequestCaps()
    {
        string perRequest = PricingQuery.Generate(SqlTestCatalog.Catalog, SqlDialects.DuckDb);
        string buckets = PricingQuery.Generate(SqlTestCatalog.Catalog, SqlDialects.DuckDb, new PricingQueryOptions { Columns = UsageColumns.OpenAiUsage });

        perRequest.Should().Contain("> k.max_output_tokens THEN 'over_cap'");
        buckets.Should().NotContain("over_cap").And.Contain("to_timestamp(TRY_CAST(u.ts_raw AS BIGINT))").And.Contain("num_model_requests AS requests_raw");
    }

    [Fact]
    public void Generate_HourGrain_GroupsByDayAndHour()
    {
        string sql = PricingQuery.Generate(SqlTestCatalog.Catalog, SqlDialects.Postgres, new PricingQueryOptions { Grain = SqlGrain.Hour });

        sql.Should().Contain("GROUP BY reason, day, hour,").And.Contain("CAST(EXTRACT(HOUR FROM (p.ts) AT TIME ZONE 'UTC') AS INTEGER) AS hour");
    }

    private static string GoldenDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "tests", "Planner.Core.Tests", "Sql", "golden");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("tests/Planner.Core.Tests/Sql/golden not found above " + AppContext.BaseDirectory);
    }
}
