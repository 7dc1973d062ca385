namespace Planner.Cli.Tests.Commands;

public sealed class TraceCommandsTests : IDisposable
{
    private readonly List<string> _written = [];

    public void Dispose()
    {
        foreach (string path in _written)
        {
            File.Delete(path);
        }
    }

    private static string Sample => Path.Combine(CliRunner.DataDirectory, "traces", "voice-support-day.csv");

    private string Trace(params string[] lines)
    {
        string path = TempPath();
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
        return path;
    }

    private string TempPath()
    {
        string path = Path.Combine(Path.GetTempPath(), $"planner-cli-{Guid.NewGuid():N}.csv");
        _written.Add(path);
        return path;
    }

    [Fact]
    public void Price_Sample_TotalIsTheExactSumOfModelsHoursAndDays()
    {
        var result = CliRunner.Run("price", Sample, "--json");

        result.ExitCode.Should().Be(0, result.Error);
        using var json = result.Json();
        var root = json.RootElement;
        root.GetProperty("rows_read").GetInt64().Should().Be(4_000);
        root.GetProperty("rows_priced").GetInt64().Should().Be(4_000);
        root.GetProperty("rows_rejected").GetInt64().Should().Be(0);
        decimal total = root.GetProperty("total_usd").GetDecimal();
        root.GetProperty("by_model").EnumerateArray().Sum(m => m.GetProperty("total_usd").GetDecimal()).Should().Be(total);
        root.GetProperty("per_hour").EnumerateArray().Sum(h => h.GetProperty("total_usd").GetDecimal()).Should().Be(total);
        root.GetProperty("per_day").EnumerateArray().Sum(d => d.GetProperty("total_usd").GetDecimal()).Should().Be(total);
        root.GetProperty("by_meter_usd").EnumerateObject().Sum(m => m.Value.GetDecimal()).Should().Be(total);
        root.GetProperty("per_hour").GetArrayLength().Should().Be(24);
        root.GetProperty("monthly_projection_usd").GetDecimal().Should().BeGreaterThan(total * 29).And.BeLessThan(total * 31);
    }

    [Fact]
    public void Price_OneRow_IsPricedByHand()
    {
        string path = Trace("timestamp,model,input_text_tokens,output_audio_tokens", "2026-01-15T09:00:00Z,gpt-audio-mini,1000,500");

        var result = CliRunner.Run("price", path, "--json");

        result.ExitCode.Should().Be(0, result.Error);
        using var json = result.Json();
        // 1,000 x $0.60 / 1M + 500 x $20 / 1M.
        json.RootElement.GetProperty("total_usd").GetDecimal().Should().Be((1_000 * 0.60m / 1_000_000) + (500 * 20.00m / 1_000_000));
        json.RootElement.GetProperty("monthly_projection_usd").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public void Price_BadRow_ExitsTwoWithFileLineAndReason()
    {
        string path = Trace("timestamp,model,input_audio_tokens", "2026-01-15T09:00:00Z,gpt-audio-mini,5", "2026-01-15T09:00:01Z,gpt-audio-mini,-3");

        var result = CliRunner.Run("price", path);

        result.ExitCode.Should().Be(2);
        result.Error.Should().Be($"planner: {path}:3: input_audio_tokens: must be a whole number >= 0, got '-3'" + Environment.NewLine);
        result.Output.Should().BeEmpty();
    }

    [Fact]
    public void Price_SkipInvalid_CountsRejectedRowsAndBalances()
    {
        string path = Trace("timestamp,model,input_audio_tokens", "2026-01-15T09:00:00Z,gpt-audio-mini,5", "2026-01-15T09:00:01Z,gpt-5,1", "2026-01-15T09:00:02Z,gpt-audio-mini,x");

        var result = CliRunner.Run("price", path, "--skip-invalid", "--json");

        result.ExitCode.Should().Be(0, result.Error);
        using var json = result.Json();
        var root = json.RootElement;
        root.GetProperty("rows_read").GetInt64().Should().Be(3);
        root.GetProperty("rows_priced").GetInt64().Should().Be(1);
        root.GetProperty("rows_rejected").GetInt64().Should().Be(2);
        root.GetProperty("rejections").GetProperty("by_reason").GetProperty("unknown_model").GetInt64().Should().Be(1);
        root.GetProperty("rejections").GetProperty("by_reason").GetProperty("unparsable_field").GetInt64().Should().Be(1);
        root.GetProperty("rejections").GetProperty("first")[0].GetProperty("line").GetInt64().Should().Be(3);
    }

    [Fact]
    public void Price_Table_SaysHowRowsBalance()
    {
        var result = CliRunner.Run("price", Sample);

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().Contain("Rows: 4,000 read = 4,000 priced + 0 rejected");
        result.Error.Should().BeEmpty("stderr is not a terminal, so no progress bar");
    }

    [Fact]
    public void Simulate_Sample_ReportsEveryField()
    {
        var result = CliRunner.Run("simulate", Sample, "--tier", "1", "--json");

        result.ExitCode.Should().Be(0, result.Error);
        using var json = result.Json();
        var root = json.RootElement;
        (root.GetProperty("completed").GetInt64() + root.GetProperty("dropped").GetInt64() + root.GetProperty("rejected").GetInt64()).Should().Be(4_000);
        root.GetProperty("outcomes_balance").GetBoolean().Should().BeTrue();
        foreach (string p in new[] { "p50", "p95", "p99", "max" })
        {
            root.GetProperty("queue_delay_seconds").GetProperty(p).GetDouble().Should().BeGreaterThanOrEqualTo(0);
        }

        foreach (string field in new[] { "throttled_attempts", "retries", "peak_concurrency", "tpm_reserved_unused_tokens", "total_usd" })
        {
            root.TryGetProperty(field, out _).Should().BeTrue(field);
        }

        var model = root.GetProperty("models")[0];
        model.GetProperty("rpm_limit").GetInt64().Should().Be(500);
        model.GetProperty("tpm_limit").GetInt64().Should().Be(30_000);
        model.TryGetProperty("peak_minute_tpm", out _).Should().BeTrue();
        model.TryGetProperty("tpm_utilisation_peak", out _).Should().BeTrue();
    }

    [Fact]
    public void Simulate_Retry_SameSeedSameOutput()
    {
        var a = CliRunner.Run("simulate", Sample, "--tier", "1", "--on-limit", "retry", "--burst-window", "1", "--seed", "7", "--json");
        var b = CliRunner.Run("simulate", Sample, "--tier", "1", "--on-limit", "retry", "--burst-window", "1", "--seed", "7", "--json");

        a.ExitCode.Should().Be(0, a.Error);
        a.Output.Should().Be(b.Output);
    }

    [Fact]
    public void Simulate_FreeTier_ExitsTwo()
    {
        var result = CliRunner.Run("simulate", Sample, "--tier", "free");

        result.ExitCode.Should().Be(2);
        result.Error.Should().Be("planner: gpt-audio-mini is not supported at the Free tier" + Environment.NewLine);
    }

    [Fact]
    public void Simulate_WithoutTier_ExitsTwo()
    {
        CliRunner.Run("simulate", Sample).ExitCode.Should().Be(2);
    }

    [Fact]
    public void Recommend_Sample_NamesATierAndTheMonthlyLimitFit()
    {
        var result = CliRunner.Run("recommend", Sample, "--json");

        result.ExitCode.Should().Be(0, result.Error);
        using var json = result.Json();
        var root = json.RootElement;
        root.GetProperty("recommended_tier").GetString().Should().NotBeNull();
        root.GetProperty("tiers").GetArrayLength().Should().Be(6);
        root.TryGetProperty("fits_monthly_usage_limit", out _).Should().BeTrue();
    }

    [Fact]
    public void Recommend_NoTierSuffices_IsNullWithTheReason()
    {
        // 400 requests of 100,000 tokens at once. Tiers 1 to 3 can never admit one (TPM buckets of 30,000, 450,000
        // and 800,000 hold at most 8); tier 4's 2,000,000 and tier 5's 30,000,000 must queue some: 40,000,000 in all.
        // On tier 5, 300 go at once and the rest one every 100,000 / (30,000,000 / 60) = 0.2 s: the p99 (the 396th)
        // waits (396 - 300) x 0.2 = 19.2 s, above a zero objective.
        var lines = new List<string> { "timestamp,model,input_text_tokens" };
        for (int i = 0; i < 400; i++)
        {
            lines.Add("2026-01-15T09:00:00Z,gpt-audio-mini,100000");
        }

        var result = CliRunner.Run("recommend", Trace([.. lines]), "--max-p99-delay", "0", "--json");

        result.ExitCode.Should().Be(0, result.Error);
        using var json = result.Json();
        var root = json.RootElement;
        root.GetProperty("recommended_tier").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
        root.GetProperty("reason").GetString().Should().StartWith("no self-serve tier covers it: no tier's rate limits carry the peak (Tier 5: p99 queue delay 19.2");
        root.GetProperty("tiers")[1].GetProperty("reason").GetString().Should().Be("400 request(s) can never be admitted (TPM charge over the bucket's capacity)");
    }

    [Fact]
    public void Recommend_NoTierSuffices_TableStillStatesTheProjectedSpend()
    {
        // As above, with the last request a second later so the trace has a span to extrapolate a month from.
        var lines = new List<string> { "timestamp,model,input_text_tokens" };
        for (int i = 0; i < 399; i++)
        {
            lines.Add("2026-01-15T09:00:00Z,gpt-audio-mini,100000");
        }

        lines.Add("2026-01-15T09:00:01Z,gpt-audio-mini,100000");

        var result = CliRunner.Run("recommend", Trace([.. lines]), "--max-p99-delay", "0");

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().Contain("No tier suffices").And.Contain("Projected 30-day spend $")
            .And.Contain("it fits under no tier's monthly usage limit").And.NotContain(" ;");
    }

    [Theory]
    [InlineData("price")]
    [InlineData("simulate")]
    [InlineData("recommend")]
    [InlineData("generate-trace")]
    public void Help_RendersEveryOption(string command)
    {
        var result = CliRunner.Run(command, "--help");

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().Contain("USAGE:");
    }

    [Theory]
    // Each of these once ended in "internal error" (exit 70): a decimal overflow converting audio seconds, a
    // checked cast of a tiny output speed, a retry instant past the end of time, a day table's AddDays(1) on 9999-12-31.
    [InlineData("timestamp,model,input_audio_seconds|2026-01-15T09:00:00Z,gpt-audio-mini,99999999999999999999999", 2, "price")]
    [InlineData("timestamp,model,output_text_tokens|2026-01-15T09:00:00Z,gpt-audio-mini,10", 0, "simulate", "--tier", "1", "--output-tps", "1e-300")]
    [InlineData("timestamp,model,output_text_tokens|2026-01-15T09:00:00Z,gpt-audio-mini,10|2026-01-15T09:00:00Z,gpt-audio-mini,10|2026-01-15T09:00:00Z,gpt-audio-mini,10|2026-01-15T09:00:00Z,gpt-audio-mini,10",
        0, "simulate", "--tier", "1", "--on-limit", "retry", "--burst-window", "0.12", "--retry-jitter", "0", "--retry-initial", "400000000000", "--retry-max", "400000000000")]
    [InlineData("timestamp,model,output_text_tokens|9999-12-31T23:59:59Z,gpt-audio-mini,10", 0, "price")]
    [InlineData("timestamp,model,output_text_tokens|9999-12-31T23:59:59Z,gpt-audio-mini,10", 0, "recommend")]
    [InlineData("timestamp,model,output_text_tokens", 2, "recommend")]
    [InlineData("timestamp,model,output_text_tokens", 2, "price")]
    [InlineData("timestamp,model,output_text_tokens", 2, "simulate", "--tier", "1")]
    [InlineData("timestamp,model,input_audio_seconds|2026-01-15T09:00:00Z,gpt-audio-mini,1", 2, "price", "--audio-in-rate", "79228162514264337593543950335")]
    [InlineData("timestamp,model,output_text_tokens|2026-01-15T09:00:00Z,gpt-audio-mini", 2, "simulate", "--tier", "1")]
    public void OddInput_ExitsZeroOrTwo_NeverAnInternalError(string lines, int exitCode, params string[] args)
    {
        string path = Trace(lines.Split('|'));

        var result = CliRunner.Run([args[0], path, .. args[1..]]);

        result.Error.Should().NotContain("internal error");
        result.ExitCode.Should().Be(exitCode, result.Error);
    }

    [Fact]
    public void Simulate_Delays_WritesEachRequestsFate()
    {
        // A 0.12 s window holds 500 x 0.12 / 60 = 1 request; one more refills every 60 / 500 = 0.12 s. Three at once
        // under queue wait 0, 0.12 and 0.24 s; a fourth charging 31,000 tokens (over the 60-token TPM bucket) is rejected.
        string path = Trace("timestamp,model,input_text_tokens,output_text_tokens",
            "2026-01-15T09:00:00Z,gpt-audio-mini,5,5",
            "2026-01-15T09:00:00Z,gpt-audio-mini,5,5",
            "2026-01-15T09:00:00Z,gpt-audio-mini,5,5",
            "2026-01-15T09:00:00Z,gpt-audio-mini,30000,1000");
        string delays = TempPath();

        var result = CliRunner.Run("simulate", path, "--tier", "1", "--burst-window", "0.12", "--delays", delays);

        result.ExitCode.Should().Be(0, result.Error);
        File.ReadAllLines(delays).Should().Equal(
            "line,timestamp,outcome,admitted,queue_delay_seconds,attempts",
            "2,2026-01-15T09:00:00Z,completed,2026-01-15T09:00:00Z,0,1",
            "3,2026-01-15T09:00:00Z,completed,2026-01-15T09:00:00.12Z,0.12,1",
            "4,2026-01-15T09:00:00Z,completed,2026-01-15T09:00:00.24Z,0.24,1",
            "5,2026-01-15T09:00:00Z,rejected,,,0");
    }

    [Fact]
    public void Simulate_DelaysUnderRetry_ListsDroppedRequests()
    {
        // Capacity 1 request and one attempt: the second of two simultaneous requests is dropped.
        string path = Trace("timestamp,model,output_text_tokens", "2026-01-15T09:00:00Z,gpt-audio-mini,5", "2026-01-15T09:00:00Z,gpt-audio-mini,5");
        string delays = TempPath();

        var result = CliRunner.Run("simulate", path, "--tier", "1", "--burst-window", "0.12", "--on-limit", "retry", "--retry-attempts", "1", "--delays", delays);

        result.ExitCode.Should().Be(0, result.Error);
        File.ReadAllLines(delays).Skip(1).Should().Equal(
            "2,2026-01-15T09:00:00Z,completed,2026-01-15T09:00:00Z,0,1",
            "3,2026-01-15T09:00:00Z,dropped,,,1");
    }

    [Fact]
    public void GenerateTrace_PastTheLastDate_ExitsTwoWithTheReason()
    {
        var result = CliRunner.Run("generate-trace", "--rows", "5", "--seed", "1", "--start", "9999-12-30", "--days", "3", "--out", TempPath());

        result.ExitCode.Should().Be(2);
        result.Error.Should().Be("planner: --days 3 from 9999-12-30 runs past 9999-12-31, the last date a timestamp can have" + Environment.NewLine);
    }

    [Fact]
    public void GenerateTrace_WritesRowsThatPriceCleanly()
    {
        string path = TempPath();

        var generate = CliRunner.Run("generate-trace", "--rows", "500", "--seed", "3", "--out", path);
        var price = CliRunner.Run("price", path, "--json");

        generate.ExitCode.Should().Be(0, generate.Error);
        File.ReadLines(path).Count().Should().Be(501);
        price.ExitCode.Should().Be(0, price.Error);
        using var json = price.Json();
        json.RootElement.GetProperty("rows_priced").GetInt64().Should().Be(500);
    }
}
