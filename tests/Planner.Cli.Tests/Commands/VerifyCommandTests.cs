namespace Planner.Cli.Tests.Commands;

public class VerifyCommandTests
{
    [Fact]
    public void Verify_BundledData_MatchesItsGoldenSnapshot()
    {
        // The project's own guard: data/catalog.json must agree with data/golden/catalog.golden.md.
        var result = CliRunner.Run("verify");

        string catalog = Path.Combine(CliRunner.DataDirectory, "catalog.json");
        string golden = Path.Combine(CliRunner.DataDirectory, "golden", "catalog.golden.md");
        // Figures: 2 catalog audio rates; per model 8 prices (one per meter) + 2 caps + tier free (supported, monthly limit)
        // + tiers 1-5 (supported, rpm, tpm, monthly limit) + deprecated + shutdown = 34, plus one line per
        // snapshot (gpt-audio-mini 2, gpt-audio 1): 2 + 34 x 4 + 3 = 141.
        result.ExitCode.Should().Be(0, result.Output + result.Error);
        result.Output.Trim().Should().Be(
            $"Checking {catalog}, the copy bundled with planner (no data/catalog.json in this folder); to check the repository's catalog, run planner verify from its root or give its path.{Environment.NewLine}" +
            $"{catalog}: valid; 4 models, all {2 + (34 * 4) + 3} figures match {golden}");
    }

    [Fact]
    public void Verify_NoPathInARepository_ChecksItsDataCatalogAndNamesItInTheHint()
    {
        // A user in the repository edits data/catalog.json; a bare "planner verify" must check that file (not the copy
        // in bin/), say so, and tell them to update the golden file beside it.
        using var repo = new TempCatalog(j => TempCatalog.Prices(j, "gpt-audio-mini")["text_output"] = 2.64m, withGolden: true, folder: "data");
        var output = new StringWriter();
        var error = new StringWriter();
        var environment = new CliEnvironment(output, error, () => CliRunner.Now, CliRunner.DataDirectory, workingDirectory: repo.Root);

        int exit = PlannerApp.Run(["verify"], environment);

        exit.Should().Be(1, error.ToString());
        string catalog = Path.Combine("data", "catalog.json");
        output.ToString().Should().StartWith($"Checking {catalog} (the catalog in this folder).{Environment.NewLine}")
            .And.Contain($"{catalog}: valid, but 1 figure differs from the golden snapshot {Path.Combine("data", "golden", "catalog.golden.md")}:")
            .And.Contain($"If the change is intended, run: planner verify {catalog} --update-golden");
    }

    [Fact]
    public void Verify_PriceChangedWithoutTheGoldenFile_FailsShowingBothValues()
    {
        using var catalog = new TempCatalog(j => TempCatalog.Prices(j, "gpt-audio-mini")["text_output"] = 2.64m, withGolden: true);

        var result = CliRunner.Run("verify", catalog.Path);

        result.ExitCode.Should().Be(1);
        result.Output.Should().Be(
            $"{catalog.Path}: valid, but 1 figure differs from the golden snapshot {catalog.GoldenPath}:{Environment.NewLine}" +
            $"  gpt-audio-mini | price from 2025-10-06: text_output: golden 2.4, catalog 2.64{Environment.NewLine}" +
            $"If the change is intended, run: planner verify {catalog.Path} --update-golden, and commit the golden file with the catalog.{Environment.NewLine}");
    }

    [Fact]
    public void Verify_TierLimitAndRateChanged_ListsEachFigure()
    {
        using var catalog = new TempCatalog(j =>
        {
            TempCatalog.Model(j, "gpt-audio")["tiers"]!["entries"]![2]!["tpm"] = 500000;
            j["audio_token_rates"]!["input_tokens_per_second"] = 12;
        }, withGolden: true);

        var result = CliRunner.Run("verify", catalog.Path);

        result.ExitCode.Should().Be(1);
        result.Output.Should().Contain("2 figures differ")
            .And.Contain("  catalog | audio_input_tokens_per_second: golden 10, catalog 12")
            .And.Contain("  gpt-audio | tier 2: tpm: golden 450000, catalog 500000");
    }

    [Fact]
    public void Verify_InvalidCatalog_ExitsTwoWithEveryError()
    {
        using var catalog = new TempCatalog(j =>
        {
            TempCatalog.Prices(j, "gpt-audio")["audio_input"] = -1;
            TempCatalog.Model(j, "gpt-4o-audio-preview")["id"] = "gpt-audio";
        }, withGolden: true);

        var result = CliRunner.Run("verify", catalog.Path);

        result.ExitCode.Should().Be(2);
        result.Output.Should().BeEmpty();
        result.Error.Should().Be(
            $"planner: {catalog.Path}: catalog is not valid (2 errors):{Environment.NewLine}" +
            $"  models[1].prices[0].audio_input: must be >= 0, got -1{Environment.NewLine}" +
            $"  models[2].id: duplicate model id 'gpt-audio' (also models[1]){Environment.NewLine}");
    }

    [Fact]
    public void Verify_DuplicateKeyEnormousPriceAndUnsupportedTierLimit_ExitTwoListingEachNeverACrash()
    {
        using var catalog = new TempCatalog(j => TempCatalog.Model(j, "gpt-audio-mini")["tiers"]!["entries"]![0]!["rpm"] = 5, withGolden: true);

        // The second audio_output is the one System.Text.Json reads: its value is checked too.
        string text = File.ReadAllText(catalog.Path);
        const string Original = "\"audio_output\": 20.0";
        int first = text.IndexOf(Original, StringComparison.Ordinal);
        first.Should().BePositive();
        text = text[..first] + Original + ",\n\"audio_output\": 1E+28" + text[(first + Original.Length)..];
        File.WriteAllText(catalog.Path, text);

        var result = CliRunner.Run("verify", catalog.Path);

        result.ExitCode.Should().Be(2);
        result.Output.Should().BeEmpty();
        result.Error.Should().Be(
            $"planner: {catalog.Path}: catalog is not valid (3 errors):{Environment.NewLine}" +
            $"  models[0].prices[0].audio_output: appears twice in the same object; JSON keeps only one of the two, so remove the other{Environment.NewLine}" +
            $"  models[0].prices[0].audio_output: must be at most 9,223.372036 USD per 1M tokens, got 10000000000000000000000000000{Environment.NewLine}" +
            $"  models[0].tiers.entries[0].rpm: must be absent for a tier that is not supported (supported is false){Environment.NewLine}");
    }

    [Fact]
    public void Verify_UpdateGolden_WritesASnapshotThatThenVerifies()
    {
        using var catalog = new TempCatalog(j => TempCatalog.Prices(j, "gpt-audio-mini")["text_output"] = 2.64m, withGolden: true);

        var update = CliRunner.Run("verify", catalog.Path, "--update-golden");
        var verify = CliRunner.Run("verify", catalog.Path);

        update.ExitCode.Should().Be(0, update.Error);
        update.Output.Trim().Should().Be($"{catalog.Path}: valid; wrote 141 figures to {catalog.GoldenPath}. Review the diff and commit it with the catalog.");
        File.ReadAllLines(catalog.GoldenPath).Should().Contain(l => l.StartsWith("| gpt-audio-mini ", StringComparison.Ordinal) && l.Contains("| price from 2025-10-06: text_output ", StringComparison.Ordinal) && l.EndsWith("| 2.64 |", StringComparison.Ordinal));
        verify.ExitCode.Should().Be(0, verify.Output);
    }

    [Fact]
    public void Verify_ExplicitGoldenPath_IsUsed()
    {
        using var catalog = new TempCatalog();
        string golden = Path.Combine(CliRunner.DataDirectory, "golden", "catalog.golden.md");

        var result = CliRunner.Run("verify", catalog.Path, "--golden", golden);

        result.ExitCode.Should().Be(0, result.Output + result.Error);
    }

    [Fact]
    public void Verify_NoGoldenFile_ExitsTwoSayingHowToCreateIt()
    {
        using var catalog = new TempCatalog();

        var result = CliRunner.Run("verify", catalog.Path);

        result.ExitCode.Should().Be(2);
        result.Error.Trim().Should().Be($"planner: {catalog.GoldenPath}: golden snapshot not found; create it with: planner verify {catalog.Path} --update-golden");
    }
}
