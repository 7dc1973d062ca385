namespace Planner.Cli.Tests.Commands;

public class SqlCommandTests
{
    [Theory]
    [InlineData("duckdb", "DECIMAL(38,12)")]
    [InlineData("spark", "DECIMAL(38,12)")]
    [InlineData("bigquery", "BIGNUMERIC")]
    [InlineData("snowflake", "NUMBER(38,12)")]
    [InlineData("postgres", "NUMERIC(38,12)")]
    public void Sql_EachDialect_PrintsTheQueryWithItsMoneyType(string dialect, string money)
    {
        var result = CliRunner.Run("sql", "--dialect", dialect, "--table", "billing.usage");

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().StartWith($"-- Planner pricing query ({dialect})").And.Contain("FROM billing.usage").And.Contain($"AS {money}) AS cost_usd")
            .And.Contain("'gpt-audio-mini'");
    }

    [Fact]
    public void Sql_OpenAiUsagePresetWithAnOverride_ReadsTheExportsColumns()
    {
        var result = CliRunner.Run("sql", "--dialect", "bigquery", "--columns", "openai-usage,model=lower(model_name)");

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().Contain("TIMESTAMP_SECONDS(SAFE_CAST(u.ts_raw AS INT64))")
            .And.Contain("lower(model_name) AS model_raw").And.Contain("num_model_requests AS requests_raw")
            .And.Contain("COALESCE(input_tokens, 0) - COALESCE(input_cached_tokens, 0) - COALESCE(input_audio_tokens, 0) AS text_input_raw");
    }

    [Fact]
    public void Sql_BadOptions_AreReportedAllAtOnceWithExit2()
    {
        var result = CliRunner.Run("sql", "--dialect", "oracle", "--grain", "week", "--columns", "cost=1");

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("--dialect: unknown dialect 'oracle'; dialects: duckdb, spark, bigquery, snowflake, postgres")
            .And.Contain("--grain: must be day or hour, got 'week'")
            .And.Contain("--columns: unknown field 'cost'");
    }
}
