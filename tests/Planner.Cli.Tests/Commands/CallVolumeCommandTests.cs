using System.Text.Json.Nodes;

namespace Planner.Cli.Tests.Commands;

/// <summary>Calls at volume: capacity for a call load, project with calls as the unit, lifecycle moves and migrate.</summary>
public class CallVolumeCommandTests
{
    private const decimal M = 1_000_000m;

    // A 2-turn call on gpt-audio-mini: 10 s user (100 tokens), 5 s assistant (100 tokens), no text, 1,000 output reserved.
    // Request k's input is 100 + 200 (k - 1); its TPM charge that + 1,000. Summed: 400 + 2,000 = 2,400 over 0.5 minutes.
    private static readonly string[] Call = ["--turns", "2", "--user-audio-seconds", "10", "--assistant-audio-seconds", "5", "--max-output-tokens", "1000"];

    [Fact]
    public void Capacity_ConcurrentCalls_ChecksEveryTierAgainstTheClosedForm()
    {
        var result = CliRunner.Run(["capacity", "--model", "gpt-audio-mini", "--concurrent-calls", "300", .. Call, "--json"]);

        result.ExitCode.Should().Be(0, result.Error);
        using var json = result.Json();
        var root = json.RootElement;
        // Responses a minute = 300 calls x 2 turns / 0.5 min; TPM = 300 x 2,400 / 0.5.
        root.GetProperty("responses_per_minute").GetDecimal().Should().Be(300 * 2 / 0.5m);
        root.GetProperty("tokens_per_minute").GetDecimal().Should().Be(300 * 2_400 / 0.5m);
        var tiers = root.GetProperty("tiers").EnumerateArray().ToList();
        tiers.Select(t => t.GetProperty("tier").GetString()).Should().Equal("free", "1", "2", "3", "4", "5");
        // Tier 2 (5,000 RPM, 450,000 TPM): min(5,000 / 4, 450,000 / 4,800) = 93 calls; 1,440,000 TPM does not fit.
        tiers[2].GetProperty("max_concurrent_calls").GetInt64().Should().Be((long)Math.Floor(Math.Min(5_000m / 4, 450_000m / 4_800)));
        tiers[2].GetProperty("fits").GetBoolean().Should().BeFalse();
        // Tier 4 (10,000 RPM, 2,000,000 TPM) carries 1,200 Responses and 1,440,000 TPM.
        tiers[4].GetProperty("fits").GetBoolean().Should().BeTrue();
        root.GetProperty("lowest_tier_that_fits").GetString().Should().Be("4");
    }

    [Fact]
    public void Capacity_CallLoadWithoutShape_ExitsTwo()
    {
        var result = CliRunner.Run("capacity", "--model", "gpt-audio-mini", "--concurrent-calls", "300");

        result.ExitCode.Should().Be(2);
        result.Error.Trim().Should().Be("planner: --concurrent-calls and --calls-per-minute need a call shape, e.g. --minutes 4 --user-audio-seconds 10 --assistant-audio-seconds 20");
    }

    [Fact]
    public void Project_CallsPerDay_IsThirtyDaysOfExactCalls()
    {
        var result = CliRunner.Run(["project", "--model", "gpt-audio-mini", "--calls-per-day", "1000", .. Call, "--cache-hit", "0", "--months", "1", "--json"]);

        result.ExitCode.Should().Be(0, result.Error);
        using var json = result.Json();
        // Per call: audio in 100 + 300 = 400 x $10, audio out 200 x $20 per 1M.
        decimal perCall = (400 * 10m / M) + (200 * 20m / M);
        json.RootElement.GetProperty("months")[0].GetProperty("mean_usd").GetDecimal().Should().Be(30 * 1_000 * perCall);
    }

    [Fact]
    public void Project_CallsTable_CountsCalls()
    {
        var result = CliRunner.Run(["project", "--model", "gpt-audio-mini", "--calls-per-day", "1000", .. Call, "--months", "1"]);

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().Contain("Calls").And.Contain("30,000").And.Contain("1,000 calls/day");
    }

    [Fact]
    public void Project_OverTheHighestTiersUsageLimit_SaysNoSelfServeTierCoversIt()
    {
        var result = CliRunner.Run(["project", "--model", "gpt-audio-mini", "--calls-per-day", "10000000", .. Call, "--months", "1", "--json"]);

        result.ExitCode.Should().Be(0, result.Error);
        using var json = result.Json();
        json.RootElement.GetProperty("warnings").EnumerateArray().Select(w => w.GetProperty("key").GetString()).Should().Contain("no_self_serve_tier");
    }

    /// <summary>The bundled catalog already shuts gpt-audio-mini down on 2027-01-20; these tests move it to gpt-audio,
    /// whose own shutdown (the same day) is lifted here so that it stays a destination through the horizon.</summary>
    private static void ShutDownAudioMini(JsonObject root)
    {
        var lifecycle = TempCatalog.Model(root, "gpt-audio")["lifecycle"]!.AsObject();
        foreach (string key in new[] { "deprecated", "shutdown", "replacement", "replacement_observed" })
        {
            lifecycle[key] = null;
        }
    }

    [Fact]
    public void Project_ShutdownInsideTheHorizon_MovesTrafficFromThatDay()
    {
        using var catalog = new TempCatalog(ShutDownAudioMini);

        var result = CliRunner.Run("project", "--catalog", catalog.Path, "--model", "gpt-audio-mini", "--requests-per-day", "1000", "--audio-in", "600", "--audio-out", "1200",
            "--start", "2027-01-01", "--months", "2", "--migrate-to", "gpt-audio", "--json");

        result.ExitCode.Should().Be(0, result.Error);
        using var json = result.Json();
        var months = json.RootElement.GetProperty("months");
        decimal mini = (600 * 10m / M) + (1_200 * 20m / M);
        // gpt-audio's price set in effect at the test clock's date (2026-01-15): $32 / $64 per 1M.
        decimal audio = (600 * 32m / M) + (1_200 * 64m / M);
        // January is split at the 20th: 19 of 31 days on gpt-audio-mini (19/31 does not terminate: equal to 1e-18).
        months[0].GetProperty("mean_usd").GetDecimal().Should().BeApproximately(30_000 * ((mini * 19 / 31) + (audio * 12 / 31)), 1e-18m);
        months[1].GetProperty("mean_usd").GetDecimal().Should().Be(30_000 * audio);
        json.RootElement.GetProperty("warnings").EnumerateArray().Select(w => w.GetProperty("key").GetString()).Should().Contain("migrated");
    }

    [Fact]
    public void Project_NoMigrate_StopsNamingTheShutdown()
    {
        using var catalog = new TempCatalog(ShutDownAudioMini);

        var result = CliRunner.Run("project", "--catalog", catalog.Path, "--model", "gpt-audio-mini", "--requests-per-day", "1000", "--audio-in", "600",
            "--start", "2027-01-01", "--months", "2", "--no-migrate");

        result.ExitCode.Should().Be(2);
        result.Error.Trim().Should().Be("planner: gpt-audio-mini shuts down on 2027-01-20, inside the horizon (2027-01-01 to 2027-02-28), and migration is off; name a model to move to or shorten the horizon");
    }

    [Fact]
    public void Migrate_Calls_ComparesEachMonthAndNamesTheMoveByDate()
    {
        using var catalog = new TempCatalog(ShutDownAudioMini);

        var result = CliRunner.Run(["migrate", "--catalog", catalog.Path, "--from", "gpt-audio-mini", "--to", "gpt-audio", "--calls-per-day", "1000", .. Call,
            "--cache-hit", "0", "--months", "2", "--start", "2026-12-01", "--json"]);

        result.ExitCode.Should().Be(0, result.Error);
        using var json = result.Json();
        var root = json.RootElement;
        root.GetProperty("move_before").GetString().Should().Be("2027-01-20");
        var month = root.GetProperty("candidates")[0].GetProperty("months")[0];
        decimal before = 30_000 * ((400 * 10m / M) + (200 * 20m / M));
        decimal after = 30_000 * ((400 * 32m / M) + (200 * 64m / M));
        month.GetProperty("before_usd").GetDecimal().Should().Be(before);
        month.GetProperty("after_usd").GetDecimal().Should().Be(after);
        month.GetProperty("change_usd").GetDecimal().Should().Be(after - before);
        month.GetProperty("change_percent").GetDecimal().Should().Be(Math.Round((after - before) / before * 100, 2));
        root.GetProperty("candidates")[0].GetProperty("months")[1].GetProperty("current_shut_down").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public void Migrate_NoWorkload_ExitsTwo()
    {
        var result = CliRunner.Run("migrate", "--from", "gpt-audio-mini");

        result.ExitCode.Should().Be(2);
        result.Error.Trim().Should().Be("planner: give one workload: --trace FILE, a call shape with --calls-per-day, or a request shape with --requests-per-day");
    }
}
