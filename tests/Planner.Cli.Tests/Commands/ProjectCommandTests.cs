using System.Text.Json;

namespace Planner.Cli.Tests.Commands;

public class ProjectCommandTests
{
    private static readonly string[] WorkedExample =
        ["project", "--model", "gpt-audio-mini", "--requests-per-day", "1000", "--audio-in-seconds", "120", "--audio-out-seconds", "60"];

    private static decimal Money(JsonElement month, string name) => month.GetProperty(name).GetDecimal();

    [Fact]
    public void Project_WorkedExample_IsExactWithGrowth()
    {
        var result = CliRunner.Run([.. WorkedExample, "--months", "3", "--growth", "10", "--json"]);

        result.ExitCode.Should().Be(0, result.Error);
        using var json = result.Json();
        var months = json.RootElement.GetProperty("months");
        json.RootElement.GetProperty("exact").GetBoolean().Should().BeTrue();
        // 1,200 audio tokens in at $10 / 1M + 1,200 out at $20 / 1M = $0.036; 1,000 a day, 30 days.
        decimal perRequest = (1_200 * 10m / 1_000_000) + (1_200 * 20m / 1_000_000);
        decimal month1 = 1_000 * 30 * perRequest;
        foreach (string p in new[] { "mean_usd", "p10_usd", "p50_usd", "p90_usd", "p99_usd" })
        {
            Money(months[0], p).Should().Be(month1).And.Be(1_080m);
        }

        Money(months[1], "mean_usd").Should().Be(month1 * 1.1m).And.Be(1_188m);
        Money(months[2], "mean_usd").Should().Be(month1 * 1.1m * 1.1m).And.Be(1_306.80m);
        result.Output.Should().Contain("\"mean_usd\": 1306.8,");
        months[0].GetProperty("tiers")[0].GetProperty("tier").GetString().Should().Be("launch");
        // Projections advise tiers of the latest scheme (Free $100, Build $500, Launch $5,000 monthly usage limits):
        // $1,080 is over Build's $500, so the organization needs Launch.
        months[0].GetProperty("organization_tier").GetProperty("tier").GetString().Should().Be("launch");
        months[0].GetProperty("organization_tier").GetProperty("spend_usd").GetDecimal().Should().Be(1_080m);
        // The quarter: the three months summed exactly.
        var total = json.RootElement.GetProperty("total");
        total.GetProperty("months").GetInt32().Should().Be(3);
        Money(total, "mean_usd").Should().Be(month1 * (1 + 1.1m + (1.1m * 1.1m))).And.Be(3_574.80m);
        Money(total, "p90_usd").Should().Be(3_574.80m);
    }

    [Fact]
    public void Project_Table_ShowsTheCostAndTheAssumptions()
    {
        var result = CliRunner.Run([.. WorkedExample, "--months", "3", "--growth", "10"]);

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().Contain("$1,080.00").And.Contain("$1,188.00").And.Contain("$1,306.80")
            .And.Contain("exact (no spread")
            .And.Contain("days_per_month = 30").And.Contain("audio_input_tokens_per_second = 10").And.Contain("needs Launch's $5,000.00").And.Contain("│ Launch");
        result.Output.Split('\n').Should().AllSatisfy(line => line.TrimEnd().Length.Should().BeLessThanOrEqualTo(CliEnvironment.RedirectedWidth, "tables fit the canvas piped output is laid out for"));
    }

    [Fact]
    public void Project_Budget_GivesTheProbabilityOfExceedingIt()
    {
        var result = CliRunner.Run([.. WorkedExample, "--months", "2", "--growth", "10", "--budget", "1100", "--json"]);

        result.ExitCode.Should().Be(0, result.Error);
        using var json = result.Json();
        var months = json.RootElement.GetProperty("months");
        // $1,080 is under $1,100 and $1,188 over it, both exactly.
        months[0].GetProperty("p_exceed_budget").GetDouble().Should().Be(0);
        months[1].GetProperty("p_exceed_budget").GetDouble().Should().Be(1);
    }

    [Fact]
    public void Project_Spread_IsMonteCarloOrderedAndDeterministicForASeed()
    {
        string[] args = [.. WorkedExample, "--requests-per-day-sd", "200", "--months", "2", "--runs", "2000", "--seed", "42", "--json"];

        var first = CliRunner.Run(args);
        var second = CliRunner.Run(args);

        first.ExitCode.Should().Be(0, first.Error);
        second.Output.Should().Be(first.Output);
        using var json = first.Json();
        json.RootElement.GetProperty("exact").GetBoolean().Should().BeFalse();
        json.RootElement.GetProperty("runs").GetInt32().Should().Be(2_000);
        foreach (var month in json.RootElement.GetProperty("months").EnumerateArray())
        {
            Money(month, "p10_usd").Should().BeLessThanOrEqualTo(Money(month, "p50_usd"));
            Money(month, "p50_usd").Should().BeLessThanOrEqualTo(Money(month, "p90_usd"));
            Money(month, "p90_usd").Should().BeLessThanOrEqualTo(Money(month, "p99_usd"));
        }

        // Month 1: count ~ Normal(30,000, sqrt(30) x 200); the mean is $1,080 within 4 standard errors.
        double se = Math.Sqrt(30) * 200 * 0.036 / Math.Sqrt(2_000);
        ((double)Money(json.RootElement.GetProperty("months")[0], "mean_usd")).Should().BeApproximately(1_080, 4 * se);
        first.Output.Should().Contain("\"name\": \"precision\"").And.Contain("rounded to the cent");
    }

    [Fact]
    public void Project_PeakMinuteOf800Requests_NeedsItsPoissonPeak()
    {
        // 1,152,000 a day spread evenly = 800 a minute; P99 of Poisson(800) is 867 (e^-800 underflowed and the
        // quantile loop never ended). 867 x (1,200 + 1,200) = 2,080,800 TPM; $1,244,160 a month is over every limit.
        var result = CliRunner.Run("project", "--model", "gpt-audio-mini", "--requests-per-day", "1152000", "--audio-in-seconds", "120",
            "--audio-out-seconds", "60", "--months", "1", "--json");

        result.ExitCode.Should().Be(0, result.Error);
        using var json = result.Json();
        var month = json.RootElement.GetProperty("months")[0];
        Money(month, "mean_usd").Should().Be(1_244_160m);
        var tier = month.GetProperty("tiers")[0];
        tier.GetProperty("peak_rpm").GetInt64().Should().Be(867);
        tier.GetProperty("peak_tpm").GetInt64().Should().Be(2_080_800);
        tier.GetProperty("tier").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public void Project_CompareModels_GivesTheSaving()
    {
        var result = CliRunner.Run("project", "--requests-per-day", "1000", "--audio-in-seconds", "120", "--audio-out-seconds", "60",
            "--compare-models", "gpt-audio,gpt-audio-mini", "--months", "1", "--json");

        result.ExitCode.Should().Be(0, result.Error);
        using var json = result.Json();
        var comparison = json.RootElement.GetProperty("comparison");
        // gpt-audio: 1,200 x $32 / 1M + 1,200 x $64 / 1M = $0.1152 a request.
        decimal full = 30_000 * ((1_200 * 32m / 1_000_000) + (1_200 * 64m / 1_000_000));
        decimal mini = 30_000 * 0.036m;
        comparison[0].GetProperty("model").GetString().Should().Be("gpt-audio");
        Money(comparison[0].GetProperty("months")[0], "mean_usd").Should().Be(full);
        Money(comparison[1].GetProperty("months")[0], "mean_usd").Should().Be(mini);
        Money(comparison[1].GetProperty("saving")[0], "mean_usd").Should().Be(full - mini);
    }

    [Fact]
    public void Project_ModelAndCompareModels_KeepsTheModelAsTheBaselineUnderItsOwnName()
    {
        var result = CliRunner.Run("project", "--model", "gpt-audio-mini", "--requests-per-day", "1000", "--audio-in-seconds", "120",
            "--audio-out-seconds", "60", "--compare-models", "gpt-audio", "--months", "1", "--json");

        result.ExitCode.Should().Be(0, result.Error);
        using var json = result.Json();
        decimal mini = 30_000 * ((1_200 * 10m / 1_000_000) + (1_200 * 20m / 1_000_000));
        decimal full = 30_000 * ((1_200 * 32m / 1_000_000) + (1_200 * 64m / 1_000_000));
        Money(json.RootElement.GetProperty("months")[0], "mean_usd").Should().Be(mini);
        var comparison = json.RootElement.GetProperty("comparison");
        comparison.GetArrayLength().Should().Be(2);
        comparison[0].GetProperty("model").GetString().Should().Be("gpt-audio-mini");
        Money(comparison[0].GetProperty("months")[0], "mean_usd").Should().Be(mini);
        comparison[1].GetProperty("model").GetString().Should().Be("gpt-audio");
        Money(comparison[1].GetProperty("months")[0], "mean_usd").Should().Be(full);
        Money(comparison[1].GetProperty("saving")[0], "mean_usd").Should().Be(mini - full);
    }

    [Fact]
    public void Project_Scale_MultipliesTheTraffic()
    {
        var result = CliRunner.Run([.. WorkedExample, "--months", "1", "--scale", "2.5", "--json"]);

        result.ExitCode.Should().Be(0, result.Error);
        using var json = result.Json();
        Money(json.RootElement.GetProperty("months")[0], "mean_usd").Should().Be(2.5m * 1_000 * 30 * 0.036m);
    }

    [Fact]
    public void Project_Csv_WritesTheTable()
    {
        string path = Path.Combine(Path.GetTempPath(), $"planner-project-{Guid.NewGuid():N}.csv");
        try
        {
            var result = CliRunner.Run([.. WorkedExample, "--months", "3", "--growth", "10", "--csv", path]);

            result.ExitCode.Should().Be(0, result.Error);
            var lines = File.ReadAllLines(path);
            lines[0].Should().StartWith("model,month,expected_requests,mean_usd,p10_usd,p50_usd,p90_usd,p99_usd");
            lines.Should().HaveCount(4);
            lines[3].Should().StartWith("gpt-audio-mini,3,36300,1306.8,1306.8,1306.8,1306.8,1306.8,0,");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Project_Chart_WritesAPng()
    {
        string path = Path.Combine(Path.GetTempPath(), $"planner-project-{Guid.NewGuid():N}.png");
        try
        {
            var result = CliRunner.Run([.. WorkedExample, "--requests-per-day-sd", "100", "--months", "4", "--runs", "500", "--chart", path]);

            result.ExitCode.Should().Be(0, result.Error);
            byte[] png = File.ReadAllBytes(path);
            png.Take(8).Should().Equal(0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A);
            png.Length.Should().BeGreaterThan(5_000);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(new[] { "--model", "gpt-audio-minx", "--requests-per-day", "10" }, "planner: unknown model 'gpt-audio-minx'; known models: gpt-audio-mini, gpt-audio, gpt-4o-audio-preview, gpt-4o-mini-audio-preview, gpt-audio-1.5, gpt-realtime, gpt-realtime-1.5, gpt-realtime-2, gpt-realtime-2.1, gpt-realtime-mini, gpt-realtime-2.1-mini, gpt-4o-realtime-preview, gpt-4o-mini-realtime-preview")]
    [InlineData(new[] { "--model", "gpt-audio-mini", "--requests-per-day", "-5" }, "planner: --requests-per-day must be >= 0, got -5")]
    [InlineData(new[] { "--model", "gpt-audio-mini", "--requests-per-day", "5", "--requests-per-day-sd", "-1" }, "planner: --requests-per-day-sd must be >= 0, got -1")]
    [InlineData(new[] { "--model", "gpt-audio-mini", "--requests-per-day", "5", "--growth", "-100" }, "planner: --growth must be > -100 (percent a month), got -100")]
    [InlineData(new[] { "--model", "gpt-audio-mini", "--requests-per-day", "5", "--growth", "-250" }, "planner: --growth must be > -100 (percent a month), got -250")]
    [InlineData(new[] { "--model", "gpt-audio-mini", "--requests-per-day", "5", "--audio-in", "-3" }, "planner: --audio-in must be a token count from 0 to 1,000,000,000 (what one request can carry), got -3")]
    [InlineData(new[] { "--model", "gpt-audio-mini", "--requests-per-day", "5", "--months", "0" }, "planner: --months must be 1 to 600, got 0")]
    [InlineData(new[] { "--model", "gpt-audio-mini", "--requests-per-day", "5", "--scale", "-1" }, "planner: --scale must be >= 0, got -1")]
    [InlineData(new[] { "--model", "gpt-audio-mini" }, "planner: --requests-per-day is required without --trace, e.g. 1000")]
    [InlineData(new[] { "--requests-per-day", "5" }, "planner: --model is required (or --trace), e.g. gpt-audio-mini with --requests-per-day 1000")]
    [InlineData(new[] { "--trace", "t.csv", "--requests-per-day", "5" }, "planner: give --trace or a request shape with --requests-per-day, not both")]
    [InlineData(new[] { "--model", "gpt-audio-mini", "--requests-per-day", "5", "--fit", "lognormal" }, "planner: --fit and --skip-invalid apply only with --trace")]
    [InlineData(new[] { "--trace", "t.csv", "--fit", "gamma" }, "planner: --fit must be 'resample' or 'lognormal', got 'gamma'")]
    [InlineData(new[] { "--compare-models", ",", "--requests-per-day", "5" }, "planner: --compare-models must name at least one model, e.g. gpt-audio,gpt-audio-mini, got ','")]
    [InlineData(new[] { "--model", "gpt-audio-mini", "--requests-per-day", "5", "--compare-models", "gpt-audio,gpt-audio-minx" }, "planner: unknown model 'gpt-audio-minx'; known models: gpt-audio-mini, gpt-audio, gpt-4o-audio-preview, gpt-4o-mini-audio-preview, gpt-audio-1.5, gpt-realtime, gpt-realtime-1.5, gpt-realtime-2, gpt-realtime-2.1, gpt-realtime-mini, gpt-realtime-2.1-mini, gpt-4o-realtime-preview, gpt-4o-mini-realtime-preview")]
    [InlineData(new[] { "--model", "gpt-audio-mini", "--requests-per-day", "5", "--requests-per-day-sd", "1000000000001" }, "planner: --requests-per-day-sd must be at most 1,000,000,000,000, got 1000000000001")]
    public void Project_InvalidInput_ExitsTwoNamingTheProblem(string[] args, string message)
    {
        var result = CliRunner.Run(["project", .. args]);

        result.ExitCode.Should().Be(2);
        result.Error.Trim().Should().Be(message);
        result.Output.Should().BeEmpty();
    }

    [Fact]
    public void Project_Trace_LearnsTheWorkload()
    {
        // One request a minute for two days, each 100 audio tokens in and 100 out: 1,440 a day.
        string path = Path.Combine(Path.GetTempPath(), $"planner-trace-{Guid.NewGuid():N}.csv");
        var start = new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
        var rows = Enumerable.Range(0, 2 * 1_440).Select(i =>
            $"{start.AddMinutes(i):yyyy-MM-ddTHH:mm:ssZ},gpt-audio-mini,100,100");
        File.WriteAllLines(path, ["timestamp,model,input_audio_tokens,output_audio_tokens", .. rows]);
        try
        {
            var result = CliRunner.Run("project", "--trace", path, "--months", "1", "--runs", "2000", "--json");

            result.ExitCode.Should().Be(0, result.Error);
            using var json = result.Json();
            // Mean 30 x 1,440 = 43,200 requests of 100 x $10 / 1M + 100 x $20 / 1M = $0.003. Two days leave the rate
            // uncertain (each run draws it; about 0.2 / sqrt(2) = 14% relative), so the mean of 2,000 runs is within
            // 4 x 14% / sqrt(2,000) = 1.3% of it; the trace is too short to measure day-to-day spread, and says so.
            double mean = 43_200 * 0.003;
            ((double)Money(json.RootElement.GetProperty("months")[0], "mean_usd")).Should().BeApproximately(mean, 0.013 * mean);
            json.RootElement.GetProperty("warnings").EnumerateArray().Select(w => w.GetProperty("key").GetString()).Should().Contain("trace_too_short");
            json.RootElement.GetProperty("exact").GetBoolean().Should().BeFalse();
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Project_MissingTrace_ExitsTwo()
    {
        var result = CliRunner.Run("project", "--trace", Path.Combine(Path.GetTempPath(), "no-such-trace.csv"));

        result.ExitCode.Should().Be(2);
        result.Error.Should().StartWith("planner: ").And.Contain("no-such-trace.csv");
        result.Output.Should().BeEmpty();
    }

    [Fact]
    public void Project_SampleTrace_OneTierForTheOrganizationCoversTheWholeSpend()
    {
        string trace = Path.Combine(CliRunner.DataDirectory, "traces", "voice-support-day.csv");

        var result = CliRunner.Run("project", "--trace", trace, "--months", "1", "--runs", "2000", "--seed", "7", "--json");

        result.ExitCode.Should().Be(0, result.Error);
        using var json = result.Json();
        var month = json.RootElement.GetProperty("months")[0];
        var byModel = month.GetProperty("tiers").EnumerateArray().ToDictionary(t => t.GetProperty("model").GetString()!, t => t.GetProperty("spend_usd").GetDecimal());
        var org = month.GetProperty("organization_tier");
        // The sample day costs about $28 (see `planner price`), so a month is about $840. One day says nothing about
        // day-to-day variation, so the month's P99 (which the usage limit must cover) is well above that. Whatever it
        // is, the organization's tier is the lowest of the current scheme whose monthly usage limit covers the whole
        // spend (the peak is small): Build $500, Launch $5,000, Grow $200,000.
        decimal spend = org.GetProperty("spend_usd").GetDecimal();
        spend.Should().Be(Money(month, "p99_usd"));
        spend.Should().BeGreaterThan(840m);
        (decimal Limit, string Tier)[] ladder = [(500m, "build"), (5_000m, "launch"), (200_000m, "grow")];
        org.GetProperty("tier").GetString().Should().Be(ladder.First(l => spend <= l.Limit).Tier);
        byModel["gpt-audio"].Should().BeLessThan(spend);
        json.RootElement.GetProperty("warnings").EnumerateArray().Select(w => w.GetProperty("key").GetString()).Should().Contain("trace_too_short");
    }

    [Fact]
    public void Project_Quarter_TotalIsEachRunsMonthsSummed()
    {
        var result = CliRunner.Run("project", "--model", "gpt-audio-mini", "--requests-per-day", "50000", "--requests-per-day-sd", "5000",
            "--audio-in-seconds", "180", "--audio-out-seconds", "90", "--months", "3", "--growth", "5", "--runs", "4000", "--json");

        result.ExitCode.Should().Be(0, result.Error);
        using var json = result.Json();
        var months = json.RootElement.GetProperty("months").EnumerateArray().ToList();
        var total = json.RootElement.GetProperty("total");
        // Means add (each rounded to the cent, so within a few cents).
        Money(total, "mean_usd").Should().BeApproximately(months.Sum(m => Money(m, "mean_usd")), 0.05m);
        // Months are independent, so the quarter's P10-P90 spread is narrower than the months' spreads added
        // (about sqrt(3) of one month's, not 3 times).
        decimal spread = Money(total, "p90_usd") - Money(total, "p10_usd");
        spread.Should().BeLessThan(months.Sum(m => Money(m, "p90_usd") - Money(m, "p10_usd")));
        spread.Should().BePositive();
        Money(total, "p10_usd").Should().BeLessThan(Money(total, "p50_usd"));
        Money(total, "p50_usd").Should().BeLessThan(Money(total, "p90_usd"));
        Money(total, "p90_usd").Should().BeLessThan(Money(total, "p99_usd"));
    }
}
