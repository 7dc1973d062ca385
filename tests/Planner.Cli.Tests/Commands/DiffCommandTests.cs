using Planner.Core.Pricing;

namespace Planner.Cli.Tests.Commands;

public class DiffCommandTests
{
    private static readonly DateTimeOffset March2 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly string Bundled = Path.Combine(CliRunner.DataDirectory, "catalog.json");

    /// <summary>Ten requests of 100,000 audio input tokens on gpt-audio-mini: 1M tokens, $10 at the bundled $10 / 1M.</summary>
    private static MemoryWorkloads Voice() =>
        new MemoryWorkloads().Add("voice", Enumerable.Range(0, 10).Select(i => ("gpt-audio-mini", March2.AddMinutes(i), Usage.Of(audioInput: 100_000))).ToArray());

    private static TempCatalog AudioInputAt(decimal usdPerMillion) =>
        new(j => TempCatalog.Prices(j, "gpt-audio-mini")["audio_input"] = usdPerMillion);

    [Fact]
    public void Diff_SameCatalog_ReportsNoChangesAndExitsZero()
    {
        var result = Voice().Run("diff", "--base", Bundled, "--head", Bundled, "--workload", "voice.csv", "--format", "markdown");

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().Contain("**no catalog changes; 1 workload, largest cost change voice 0% ($0); passed (no thresholds)**")
            .And.Contain("No price changed.")
            .And.Contain("| voice | 10 | $10 | $10 | $0 | 0% |");
        result.Error.Should().BeEmpty();
    }

    [Fact]
    public void Diff_Markdown_IsAPullRequestCommentWithSummaryPricesAndImpact()
    {
        using var head = AudioInputAt(11.00m);

        var result = Voice().Run("diff", "--base", Bundled, "--head", head.Path, "--workload", "voice.csv", "--fail-above", "10", "--format", "markdown");

        // $10 -> $11 per 1M audio input tokens: (11 - 10) / 10 x 100 = +10%; the workload's 10 x 100,000 tokens cost $10 -> $11.
        result.ExitCode.Should().Be(0, result.Error);
        string[] lines = result.Output.Split('\n');
        lines[0].Should().Be("## Planner pricing diff: ✅ passed");
        lines[2].Should().Be("**1 price change; 1 workload, largest cost change voice +10% (+$1); passed (--fail-above 10%)**");
        result.Output.Should().Contain("### Price changes (USD per 1M tokens)\n\n| Model | Meter | Effective from | Old | New | Change |\n|---|---|---|---:|---:|---:|\n" +
            "| gpt-audio-mini | Audio input | 2025-10-06 | $10 | $11 | +10% |\n");
        result.Output.Should().Contain("### Workload impact\n\n| Workload | Requests | Base cost | Head cost | Change | Change % |\n|---|---:|---:|---:|---:|---:|\n" +
            "| voice | 10 | $10 | $11 | +$1 | +10% |\n");
        result.Output.Should().Contain("rounded half away from zero to at most 2 decimals");
    }

    [Theory]
    [InlineData("10", 0)]      // +10% exactly: at the threshold, passes
    [InlineData("9.999", 1)]   // just past it
    [InlineData("0", 1)]
    public void Diff_FailAbove_ExitsOneOnlyPastTheThreshold(string percent, int exit)
    {
        using var head = AudioInputAt(11.00m);

        var result = Voice().Run("diff", "--base", Bundled, "--head", head.Path, "--workload", "voice.csv", "--fail-above", percent);

        result.ExitCode.Should().Be(exit, result.Error);
        if (exit == 1)
        {
            result.Error.Trim().Should().Be($"planner: voice: cost rose 10% ($10 -> $11), more than --fail-above {percent}%");
        }
        else
        {
            result.Error.Should().BeEmpty();
        }
    }

    [Theory]
    [InlineData("100", 0)]     // -100% exactly passes a 100% limit
    [InlineData("99.99", 1)]   // a price accidentally zeroed
    public void Diff_FailBelow_CatchesAZeroedPrice(string percent, int exit)
    {
        using var head = AudioInputAt(0m);

        var result = Voice().Run("diff", "--base", Bundled, "--head", head.Path, "--workload", "voice.csv", "--fail-below", percent);

        result.ExitCode.Should().Be(exit, result.Error);
        if (exit == 1)
        {
            result.Error.Trim().Should().Be($"planner: voice: cost fell 100% ($10 -> $0), more than --fail-below {percent}%");
        }
    }

    [Fact]
    public void Diff_FailedMarkdown_SaysFailedAndListsTheBreach()
    {
        using var head = AudioInputAt(12.50m);

        var result = Voice().Run("diff", "--base", Bundled, "--head", head.Path, "--workload", "voice.csv", "--fail-above", "20", "--format", "markdown");

        // (12.50 - 10) / 10 x 100 = +25% > 20%.
        result.ExitCode.Should().Be(1);
        result.Output.Should().StartWith("## Planner pricing diff: ❌ FAILED\n\n**1 price change; 1 workload, largest cost change voice +25% (+$2.5); FAILED: 1 threshold crossed (--fail-above 20%)**")
            .And.Contain("- ❌ voice: cost rose 25% ($10 -> $12.5), more than --fail-above 20%\n");
    }

    [Fact]
    public void Diff_Json_GivesExactNumbers()
    {
        using var head = AudioInputAt(10.40m);

        var result = Voice().Run("diff", "--base", Bundled, "--head", head.Path, "--workload", "voice.csv", "--format", "json", "--fail-above", "5");

        result.ExitCode.Should().Be(0, result.Error);
        using var json = result.Json();
        var root = json.RootElement;
        root.GetProperty("passed").GetBoolean().Should().BeTrue();
        root.GetProperty("catalog_changes").GetInt32().Should().Be(1);
        var price = root.GetProperty("prices")[0];
        price.GetProperty("model").GetString().Should().Be("gpt-audio-mini");
        price.GetProperty("meter").GetString().Should().Be("audio_input");
        price.GetProperty("effective_from").GetString().Should().Be("2025-10-06");
        price.GetProperty("old_usd_per_million").GetDecimal().Should().Be(10m);
        price.GetProperty("new_usd_per_million").GetDecimal().Should().Be(10.40m);
        price.GetProperty("change_percent").GetDecimal().Should().Be((10.40m - 10m) / 10m * 100);
        var workload = root.GetProperty("workloads")[0];
        workload.GetProperty("name").GetString().Should().Be("voice");
        workload.GetProperty("requests").GetInt64().Should().Be(10);
        workload.GetProperty("base_usd").GetDecimal().Should().Be(1_000_000 * 10m / 1_000_000);
        workload.GetProperty("head_usd").GetDecimal().Should().Be(1_000_000 * 10.40m / 1_000_000);
        workload.GetProperty("change_usd").GetDecimal().Should().Be(0.40m);
        workload.GetProperty("change_percent").GetDecimal().Should().Be(4m);
        root.GetProperty("thresholds").GetProperty("fail_above_percent").GetDecimal().Should().Be(5m);
        root.GetProperty("breaches").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public void Diff_Json_ListsNamesFiguresAndLifecycleChanges()
    {
        using var head = new TempCatalog(j =>
        {
            j["aliases"] = new System.Text.Json.Nodes.JsonObject { ["audio-cheap"] = "gpt-audio-mini" };
            TempCatalog.Model(j, "gpt-audio")["limits"]!["max_output_tokens"] = 8192;
            // The bundled lifecycle says deprecated 2025-09-15, shut down 2026-05-07: move both.
            var lifecycle = TempCatalog.Model(j, "gpt-4o-audio-preview")["lifecycle"]!;
            lifecycle["deprecated"] = "2026-01-10";
            lifecycle["shutdown"] = "2026-07-10";
        });

        var result = Voice().Run("diff", "--base", Bundled, "--head", head.Path, "--workload", "voice.csv", "--format", "json");

        result.ExitCode.Should().Be(0, result.Error);
        using var json = result.Json();
        var root = json.RootElement;
        root.GetProperty("catalog_changes").GetInt32().Should().Be(4);
        var name = root.GetProperty("names")[0];
        (name.GetProperty("kind").GetString(), name.GetProperty("name").GetString(), name.GetProperty("change").GetString(), name.GetProperty("new_model").GetString())
            .Should().Be(("alias", "audio-cheap", "added", "gpt-audio-mini"));
        var figure = root.GetProperty("figures")[0];
        figure.GetProperty("figure").GetString().Should().Be("max_output_tokens");
        figure.GetProperty("unit").GetString().Should().Be("tokens");
        figure.GetProperty("change_percent").GetDecimal().Should().Be((8192m - 16384m) / 16384m * 100);
        root.GetProperty("lifecycle")[1].GetProperty("new").GetString().Should().Be("2026-07-10");
    }

    [Fact]
    public void Diff_Table_ShowsEachSection()
    {
        using var head = AudioInputAt(11.00m);

        var result = Voice().Run("diff", "--base", Bundled, "--head", head.Path, "--workload", "voice.csv");

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().Contain("Price changes (USD per 1M tokens)").And.Contain("Workload impact").And.Contain("+10%").And.Contain("$11");
    }

    [Fact]
    public void Diff_WithoutWorkloadOption_PricesTheBundledReferenceWorkloads()
    {
        var workloads = new MemoryWorkloads();

        var result = workloads.Run("diff", "--base", Bundled, "--head", Bundled, "--format", "json");

        result.ExitCode.Should().Be(0, result.Error);
        workloads.Opened.Select(Path.GetFileName).Should().Equal("batch-transcription-day.csv", "text-heavy-day.csv", "voice-calls-day.csv");
        workloads.Opened.Should().OnlyContain(p => p.StartsWith(Path.Combine(CliRunner.DataDirectory, "workloads"), StringComparison.Ordinal));
    }

    [Fact]
    public void Diff_CostRisingFromZero_HasNoPercentageAndFailsAnyRiseThreshold()
    {
        // Base prices gpt-audio-mini audio input at $0: the workload costs $0, then 1M tokens x $10 / 1M = $10.
        using var @base = AudioInputAt(0m);

        var result = Voice().Run("diff", "--base", @base.Path, "--head", Bundled, "--workload", "voice.csv", "--fail-above", "1000", "--format", "markdown");

        result.ExitCode.Should().Be(1);
        result.Output.Should().Contain("| gpt-audio-mini | Audio input | 2025-10-06 | $0 | $10 | n/a |")
            .And.Contain("| voice | 10 | $0 | $10 | +$10 | n/a (was $0) |")
            .And.Contain("largest cost change voice n/a (was $0) (+$10)");
        result.Error.Trim().Should().Be("planner: voice: cost rose from $0 to $10; any rise from zero is more than --fail-above 1000%");
    }

    [Fact]
    public void Diff_PriceSetAddedForALaterDate_ListsItButLeavesEarlierRequestsAlone()
    {
        // The workload runs on 2026-03-02; a price set from 2026-06-01 doubles audio input from then on.
        using var head = new TempCatalog(j =>
        {
            var later = TempCatalog.Prices(j, "gpt-audio-mini").DeepClone();
            later["effective_from"] = "2026-06-01";
            later["audio_input"] = 20m;
            TempCatalog.Model(j, "gpt-audio-mini")["prices"]!.AsArray().Add(later);
        });

        var result = Voice().Run("diff", "--base", Bundled, "--head", head.Path, "--workload", "voice.csv", "--fail-above", "0", "--format", "markdown");

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().Contain("| gpt-audio-mini | Audio input | 2026-06-01 | $10 | $20 | +100% |")
            .And.Contain("| voice | 10 | $10 | $10 | $0 | 0% |");
    }

    [Fact]
    public void Diff_InvalidCatalogs_ExitTwoListingEveryErrorOfBoth()
    {
        using var @base = new TempCatalog(j => TempCatalog.Prices(j, "gpt-audio")["audio_input"] = -32);
        using var head = new TempCatalog(j =>
        {
            TempCatalog.Prices(j, "gpt-audio-mini")["text_output"] = -1;
            j["aliases"] = new System.Text.Json.Nodes.JsonObject { ["cheap"] = "nowhere" };
        });

        var result = Voice().Run("diff", "--base", @base.Path, "--head", head.Path, "--workload", "voice.csv");

        result.ExitCode.Should().Be(2);
        result.Output.Should().BeEmpty();
        result.Error.Should().Be(
            $"planner: {@base.Path}: catalog is not valid (1 error):{Environment.NewLine}" +
            $"  models[1].prices[0].audio_input: must be >= 0, got -32{Environment.NewLine}" +
            $"{head.Path}: catalog is not valid (2 errors):{Environment.NewLine}" +
            $"  models[0].prices[0].text_output: must be >= 0, got -1{Environment.NewLine}" +
            $"  aliases.cheap: points to 'nowhere', which is no model or snapshot in this catalog{Environment.NewLine}");
    }

    [Fact]
    public void Diff_WorkloadModelRemovedFromHead_ExitsTwoNamingWorkloadAndCatalog()
    {
        using var head = new TempCatalog(j =>
        {
            j["models"]!.AsArray().Remove(TempCatalog.Model(j, "gpt-audio-mini"));
            // gpt-4o-mini-audio-preview names gpt-audio-mini as its replacement: point it elsewhere so the head stays valid.
            TempCatalog.Model(j, "gpt-4o-mini-audio-preview")["lifecycle"]!["replacement"] = "gpt-audio-1.5";
        });

        var result = Voice().Run("diff", "--base", Bundled, "--head", head.Path, "--workload", "voice.csv");

        result.ExitCode.Should().Be(2);
        result.Error.Trim().Should().Be("planner: workload 'voice' under the head catalog: unknown model 'gpt-audio-mini'; known models: "
            + "gpt-audio, gpt-4o-audio-preview, gpt-4o-mini-audio-preview, gpt-audio-1.5, gpt-realtime, gpt-realtime-1.5, gpt-realtime-2, "
            + "gpt-realtime-2.1, gpt-realtime-mini, gpt-realtime-2.1-mini, gpt-4o-realtime-preview, gpt-4o-mini-realtime-preview");
    }

    [Theory]
    [InlineData(new[] { "--head", "x.json" }, "planner: --base is required, e.g. --base main/data/catalog.json")]
    [InlineData(new[] { "--base", "x.json" }, "planner: --head is required, e.g. --head data/catalog.json")]
    [InlineData(new[] { "--base", "x.json", "--head", "y.json", "--format", "xml" }, "planner: --format must be table, json or markdown, got 'xml'")]
    [InlineData(new[] { "--base", "x.json", "--head", "y.json", "--fail-above=-1" }, "planner: --fail-above must be a percentage >= 0, got -1")]
    [InlineData(new[] { "--base", "x.json", "--head", "y.json", "--fail-below=-0.5" }, "planner: --fail-below must be a percentage >= 0, got -0.5")]
    public void Diff_BadOptions_ExitTwoNamingTheProblem(string[] args, string message)
    {
        var result = Voice().Run(["diff", .. args]);

        result.ExitCode.Should().Be(2);
        result.Error.Trim().Should().Be(message);
    }

    [Fact]
    public void Diff_MissingWorkloadFile_ExitsTwo()
    {
        string missing = Path.Combine(Path.GetTempPath(), "planner-no-such-trace.csv");

        var result = CliRunner.Run("diff", "--base", Bundled, "--head", Bundled, "--workload", missing);

        result.ExitCode.Should().Be(2);
        result.Error.Trim().Should().Be($"planner: {missing}: workload trace not found");
    }

    [Fact]
    public void Diff_BundledWorkloadsWithTheRealReader_PriceEveryRowUnderBothCatalogs()
    {
        // Audio input on gpt-audio-mini $10 -> $11 / 1M: the voice-support and batch days (which use it) rise,
        // the text-heavy day (gpt-4o-audio-preview / gpt-audio only) does not move.
        using var head = AudioInputAt(11.00m);

        var result = CliRunner.Run("diff", "--base", Bundled, "--head", head.Path, "--format", "json");

        result.ExitCode.Should().Be(0, result.Error);
        using var json = result.Json();
        var workloads = json.RootElement.GetProperty("workloads").EnumerateArray().ToDictionary(w => w.GetProperty("name").GetString()!);
        workloads.Keys.Should().BeEquivalentTo("voice-calls-day", "batch-transcription-day", "text-heavy-day");
        workloads["voice-calls-day"].GetProperty("requests").GetInt64().Should().Be(File.ReadAllLines(Path.Combine(CliRunner.DataDirectory, "workloads", "voice-calls-day.csv")).Length - 1);
        workloads["voice-calls-day"].GetProperty("change_usd").GetDecimal().Should().BePositive();
        workloads["batch-transcription-day"].GetProperty("change_usd").GetDecimal().Should().BePositive();
        workloads["text-heavy-day"].GetProperty("change_usd").GetDecimal().Should().Be(0);
    }

    [Fact]
    public void Diff_WorkloadOnADeprecatedModel_WarnsOnceOnStderrAndInJson()
    {
        // The bundled gpt-audio-mini: deprecation notice 2026-07-20, shutdown 2027-01-20, replacement gpt-audio-1.5.
        var august = new DateTimeOffset(2026, 8, 1, 9, 0, 0, TimeSpan.Zero);
        var workloads = new MemoryWorkloads().Add("voice", Enumerable.Range(0, 10).Select(i => ("gpt-audio-mini", august.AddMinutes(i), Usage.Of(audioInput: 100_000))).ToArray());

        var result = workloads.Run("diff", "--base", Bundled, "--head", Bundled, "--workload", "voice.csv", "--json");

        result.ExitCode.Should().Be(0, result.Error);
        result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle()
            .Which.Should().Be("planner: warning: gpt-audio-mini is deprecated: it shuts down on 2027-01-20; OpenAI recommends gpt-audio-1.5");
        using var json = result.Json();
        var warnings = json.RootElement.GetProperty("warnings").EnumerateArray().ToList();
        warnings.Should().ContainSingle();
        warnings[0].GetProperty("message").GetString().Should().Contain("gpt-audio-mini is deprecated").And.Contain("2027-01-20");
    }

    [Fact]
    public void Diff_WorkloadBeforeTheDeprecationNotice_HasNoWarnings()
    {
        // On 2026-03-02 the gpt-audio-mini family had no deprecation notice yet (that came on 2026-07-20).
        var result = Voice().Run("diff", "--base", Bundled, "--head", Bundled, "--workload", "voice.csv", "--json");

        result.ExitCode.Should().Be(0, result.Error);
        result.Error.Should().BeEmpty();
        using var json = result.Json();
        json.RootElement.GetProperty("warnings").GetArrayLength().Should().Be(0);
    }
}
