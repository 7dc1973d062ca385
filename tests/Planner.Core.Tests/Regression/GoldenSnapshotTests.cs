using Planner.Core.Regression;

namespace Planner.Core.Tests.Regression;

public class GoldenSnapshotTests
{
    [Fact]
    public void RenderThenParse_GivesBackEveryFigure()
    {
        var catalog = TestCatalogs.Bundled();

        var parsed = GoldenSnapshot.Parse(GoldenSnapshot.Render(catalog, "catalog.json"), "golden.md");

        parsed.Should().Equal(GoldenSnapshot.Of(catalog));
    }

    [Fact]
    public void Of_ListsPricesCapsTiersRatesAndNames()
    {
        var entries = GoldenSnapshot.Of(TestCatalogs.Bundled());

        entries.Should().Contain(new GoldenEntry("gpt-audio-mini", "price from 2025-10-06: audio_input", "10"));
        entries.Should().Contain(new GoldenEntry("gpt-audio-mini", "price from 2025-10-06: cached_input", "0.6 (none listed: text_input rate)"));
        entries.Should().Contain(new GoldenEntry("gpt-4o-mini-audio-preview", "price from 2024-12-17: text_input", "0.15"));
        entries.Should().Contain(new GoldenEntry("gpt-audio", "max_output_tokens (tokens)", "16384"));
        entries.Should().Contain(new GoldenEntry("gpt-audio", "tier 5: tpm", "30000000"));
        entries.Should().Contain(new GoldenEntry("gpt-audio", "tier free (tiers-1-5): supported", "no"));
        entries.Should().Contain(new GoldenEntry("gpt-audio", "tier 4: monthly_usage_limit_usd", "5000"));
        entries.Should().Contain(new GoldenEntry("gpt-audio", "tier launch: tpm", "2000000"));
        entries.Should().Contain(new GoldenEntry("gpt-audio", "shutdown", "2027-01-20"));
        entries.Should().Contain(new GoldenEntry("gpt-audio", "replacement", "gpt-audio-1.5 (observed 2026-09-08)"));
        entries.Should().Contain(new GoldenEntry("catalog", "audio_output_tokens_per_second", "20"));
        entries.Should().Contain(new GoldenEntry("gpt-audio-2025-08-28", "snapshot of", "gpt-audio"));
        entries.Select(e => e.Key).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void Compare_PriceChangedInCatalogOnly_ShowsBothValues()
    {
        var golden = GoldenSnapshot.Of(TestCatalogs.Bundled());
        var json = TestCatalogs.Json();
        TestCatalogs.Prices(json, "gpt-audio-mini")["text_output"] = 2.64m;

        var mismatches = GoldenSnapshot.Compare(golden, GoldenSnapshot.Of(TestCatalogs.Load(json)));

        mismatches.Should().Equal(new GoldenMismatch("gpt-audio-mini", "price from 2025-10-06: text_output", "2.4", "2.64"));
        mismatches[0].ToString().Should().Be("gpt-audio-mini | price from 2025-10-06: text_output: golden 2.4, catalog 2.64");
    }

    [Fact]
    public void Compare_FiguresOnOneSideOnly_AreMismatches()
    {
        var golden = GoldenSnapshot.Of(TestCatalogs.Bundled());
        var json = TestCatalogs.Json();
        json["models"]!.AsArray().Remove(TestCatalogs.Model(json, "gpt-4o-mini-audio-preview"));
        json["aliases"] = new System.Text.Json.Nodes.JsonObject { ["audio-cheap"] = "gpt-audio-mini" };

        var mismatches = GoldenSnapshot.Compare(golden, GoldenSnapshot.Of(TestCatalogs.Load(json)));

        mismatches[0].Should().Be(new GoldenMismatch("audio-cheap", "alias of", null, "gpt-audio-mini"));
        mismatches[0].ToString().Should().Be("audio-cheap | alias of: golden (not listed), catalog gpt-audio-mini");
        mismatches.Skip(1).Should().OnlyContain(m => m.Subject.StartsWith("gpt-4o-mini-audio-preview", StringComparison.Ordinal) && m.Catalog == null)
            .And.Contain(new GoldenMismatch("gpt-4o-mini-audio-preview", "price from 2024-12-17: text_input", "0.15", null));
    }

    [Fact]
    public void Parse_RowWithoutThreeCells_NamesFileAndLine()
    {
        const string text = "# golden\n\n| subject | figure | value |\n|---|---|---|\n| gpt-audio | context_window (tokens) |\n";

        var act = () => GoldenSnapshot.Parse(text, "g.md");

        act.Should().Throw<PlannerException>().WithMessage("g.md:5: a golden row must have 3 cells (subject | figure | value), got 2");
    }

    [Fact]
    public void Parse_FigureListedTwice_NamesBothLines()
    {
        const string text = "| subject | figure | value |\n|---|---|---|\n| a | b | 1 |\n| a | b | 2 |\n";

        var act = () => GoldenSnapshot.Parse(text, "g.md");

        act.Should().Throw<PlannerException>().WithMessage("g.md:4: 'a | b' is listed twice (also line 3)");
    }

    [Fact]
    public void BundledGoldenFile_MatchesTheBundledCatalog()
    {
        string path = Path.Combine(TestCatalogs.DataDirectory, "golden", "catalog.golden.md");

        var golden = GoldenSnapshot.Parse(File.ReadAllText(path), path);

        GoldenSnapshot.Compare(golden, GoldenSnapshot.Of(TestCatalogs.Bundled())).Should().BeEmpty(
            "a figure in data/catalog.json changed without data/golden/catalog.golden.md: if intended, run planner verify data/catalog.json --update-golden");
    }
}
