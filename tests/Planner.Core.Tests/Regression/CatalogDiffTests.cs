using System.Text.Json.Nodes;
using Planner.Core.Catalog;
using Planner.Core.Regression;
using Planner.Core.Units;

namespace Planner.Core.Tests.Regression;

public class CatalogDiffTests
{
    private static readonly ModelCatalog Base = TestCatalogs.Bundled();

    private static CatalogDiff DiffAgainstBundled(Action<JsonObject> edit)
    {
        var json = TestCatalogs.Json();
        edit(json);
        return CatalogDiff.Compare(Base, TestCatalogs.Load(json));
    }

    private static PricePerMillionTokens Price(decimal usdPerMillion) => PricePerMillionTokens.FromUsdPerMillion(usdPerMillion);

    [Fact]
    public void Compare_SameCatalog_FindsNothing()
    {
        var diff = CatalogDiff.Compare(Base, TestCatalogs.Bundled());

        diff.IsEmpty.Should().BeTrue();
        diff.Count.Should().Be(0);
    }

    [Fact]
    public void Compare_EditedPrice_ReportsModelMeterDateOldNewAndPercent()
    {
        var diff = DiffAgainstBundled(j => TestCatalogs.Prices(j, "gpt-audio-mini")["audio_input"] = 12.5m);

        var change = diff.Prices.Should().ContainSingle().Subject;
        change.Should().Be(new PriceChange("gpt-audio-mini", Meter.AudioInput, new DateOnly(2025, 10, 6), Price(10.00m), Price(12.5m)));
        change.Percent.Should().Be((12.5m - 10.00m) / 10.00m * 100);
        diff.Count.Should().Be(1);
    }

    [Fact]
    public void Compare_TextInputEdited_DoesNotRepeatTheCachedMeterThatBillsAtTheTextRate()
    {
        // No cached price is listed for gpt-audio, so cached tokens bill at text input; the text input
        // change covers them, and listing cached input again would double every input change.
        var diff = DiffAgainstBundled(j => TestCatalogs.Prices(j, "gpt-audio")["text_input"] = 2.00m);

        diff.Prices.Select(p => (p.Meter, p.Old, p.New)).Should().Equal(
            (Meter.TextInput, Price(2.50m), Price(2.00m)));
        diff.Prices[0].Percent.Should().Be((2.00m - 2.50m) / 2.50m * 100);
    }

    [Fact]
    public void Compare_PriceZeroed_IsMinusOneHundredPercent()
    {
        var diff = DiffAgainstBundled(j => TestCatalogs.Prices(j, "gpt-audio")["audio_output"] = 0m);

        diff.Prices.Should().ContainSingle().Which.Percent.Should().Be(-100m);
    }

    [Fact]
    public void Compare_NewPriceSetFromALaterDate_ReportsTheChangeFromThatDate()
    {
        var diff = DiffAgainstBundled(j =>
        {
            var later = TestCatalogs.Prices(j, "gpt-audio-mini").DeepClone().AsObject();
            later["effective_from"] = "2026-06-01";
            later["text_output"] = 3.00m;
            TestCatalogs.Model(j, "gpt-audio-mini")["prices"]!.AsArray().Add(later);
        });

        diff.Prices.Should().ContainSingle().Which.Should().Be(
            new PriceChange("gpt-audio-mini", Meter.TextOutput, new DateOnly(2026, 6, 1), Price(2.40m), Price(3.00m)));
        diff.Prices[0].Percent.Should().Be((3.00m - 2.40m) / 2.40m * 100);
    }

    [Fact]
    public void Compare_FirstPriceDateMovedLater_ReportsMetersWithoutAPriceInTheGap()
    {
        var diff = DiffAgainstBundled(j => TestCatalogs.Prices(j, "gpt-4o-mini-audio-preview")["effective_from"] = "2025-01-01");

        // Text, audio, text output and audio output: the cached meters follow their input meters.
        diff.Prices.Should().HaveCount(4).And.OnlyContain(p => p.EffectiveFrom == new DateOnly(2024, 12, 17) && p.New == null && p.Percent == null);
        diff.Prices.Single(p => p.Meter == Meter.TextInput).Old.Should().Be(Price(0.15m));
    }

    [Fact]
    public void Compare_ModelRemovedAndAdded_AreNameChanges()
    {
        var diff = DiffAgainstBundled(j =>
        {
            var models = j["models"]!.AsArray();
            var copy = TestCatalogs.Model(j, "gpt-audio").DeepClone().AsObject();
            copy["id"] = "gpt-audio-2";
            copy["snapshots"] = new JsonArray();
            models.Remove(TestCatalogs.Model(j, "gpt-4o-audio-preview"));
            models.Add(copy);
        });

        diff.Names.Should().Equal(
            new NameChange(NameKind.Model, "gpt-4o-audio-preview", "gpt-4o-audio-preview", null),
            new NameChange(NameKind.Model, "gpt-audio-2", null, "gpt-audio-2"));
        diff.Prices.Should().BeEmpty("a removed or added model's prices are not price changes");
    }

    [Fact]
    public void Compare_SnapshotRemovedAndAdded_AreNameChanges()
    {
        var diff = DiffAgainstBundled(j =>
        {
            var snapshots = TestCatalogs.Model(j, "gpt-audio-mini")["snapshots"]!.AsArray();
            snapshots.RemoveAt(1);
            snapshots.Add(new JsonObject { ["id"] = "gpt-audio-mini-2026-02-01" });
        });

        diff.Names.Should().Equal(
            new NameChange(NameKind.Snapshot, "gpt-audio-mini-2025-12-15", "gpt-audio-mini", null),
            new NameChange(NameKind.Snapshot, "gpt-audio-mini-2026-02-01", null, "gpt-audio-mini"));
    }

    [Fact]
    public void Compare_SnapshotWithItsOwnPrices_ReportsThemUnderTheSnapshotId()
    {
        var diff = DiffAgainstBundled(j =>
        {
            var own = TestCatalogs.Prices(j, "gpt-audio").DeepClone().AsObject();
            own["audio_input"] = 40.00m;
            TestCatalogs.Model(j, "gpt-audio")["snapshots"]![0]!["prices"] = new JsonArray(own);
        });

        diff.Prices.Should().ContainSingle().Which.Should().Be(
            new PriceChange("gpt-audio-2025-08-28", Meter.AudioInput, new DateOnly(2025, 8, 28), Price(32.00m), Price(40.00m)));
        diff.Prices[0].Percent.Should().Be((40.00m - 32.00m) / 32.00m * 100);
    }

    [Fact]
    public void Compare_AliasesAddedRemovedAndRetargeted_AreNameChanges()
    {
        var json = TestCatalogs.Json();
        json["aliases"] = new JsonObject { ["audio-cheap"] = "gpt-audio-mini", ["audio-best"] = "gpt-audio" };
        var @base = TestCatalogs.Load(json);
        json["aliases"] = new JsonObject { ["audio-cheap"] = "gpt-4o-mini-audio-preview", ["audio-default"] = "gpt-audio-mini-2025-12-15" };

        var diff = CatalogDiff.Compare(@base, TestCatalogs.Load(json));

        diff.Names.Should().BeEquivalentTo(new[]
        {
            new NameChange(NameKind.Alias, "audio-cheap", "gpt-audio-mini", "gpt-4o-mini-audio-preview"),
            new NameChange(NameKind.Alias, "audio-best", "gpt-audio", null),
            new NameChange(NameKind.Alias, "audio-default", null, "gpt-audio-mini"),
        });
    }

    [Fact]
    public void Compare_CapsChanged_AreFigureChangesInTokens()
    {
        var diff = DiffAgainstBundled(j =>
        {
            var limits = TestCatalogs.Model(j, "gpt-audio-mini")["limits"]!;
            limits["context_window"] = 200000;
            limits["max_output_tokens"] = 8192;
        });

        diff.Figures.Should().Equal(
            new FigureChange("gpt-audio-mini", "context_window", FigureUnit.Tokens, 128000, 200000),
            new FigureChange("gpt-audio-mini", "max_output_tokens", FigureUnit.Tokens, 16384, 8192));
        diff.Figures[0].Percent.Should().Be((200000m - 128000m) / 128000m * 100);
        diff.Figures[1].Percent.Should().Be(-50m);
    }

    [Fact]
    public void Compare_TierLimitsAndMonthlyUsageLimitChanged_AreFigureChanges()
    {
        var diff = DiffAgainstBundled(j =>
        {
            var tier1 = TestCatalogs.Model(j, "gpt-audio")["tiers"]!["entries"]![1]!;
            tier1["rpm"] = 1000;
            tier1["tpm"] = 60000;
            tier1["monthly_usage_limit_usd"] = 120;
        });

        diff.Figures.Should().Equal(
            new FigureChange("gpt-audio", "tier 1 rpm", FigureUnit.RequestsPerMinute, 500, 1000),
            new FigureChange("gpt-audio", "tier 1 tpm", FigureUnit.TokensPerMinute, 30000, 60000),
            new FigureChange("gpt-audio", "tier 1 monthly_usage_limit_usd", FigureUnit.Usd, 100, 120));
        diff.Figures[2].Percent.Should().Be((120m - 100m) / 100m * 100);
    }

    [Fact]
    public void Compare_TierNoLongerSupported_LosesItsRpmAndTpm()
    {
        var diff = DiffAgainstBundled(j =>
        {
            var tier1 = TestCatalogs.Model(j, "gpt-audio-mini")["tiers"]!["entries"]![1]!.AsObject();
            tier1["supported"] = false;
            tier1.Remove("rpm");
            tier1.Remove("tpm");
        });

        diff.Figures.Should().Equal(
            new FigureChange("gpt-audio-mini", "tier 1 rpm", FigureUnit.RequestsPerMinute, 500, null),
            new FigureChange("gpt-audio-mini", "tier 1 tpm", FigureUnit.TokensPerMinute, 30000, null));
        diff.Figures[0].Percent.Should().BeNull();
    }

    [Fact]
    public void Compare_AudioTokenRatesChanged_CatalogWideAndPerModel()
    {
        var diff = DiffAgainstBundled(j =>
        {
            j["audio_token_rates"]!["output_tokens_per_second"] = 25;
            var own = j["audio_token_rates"]!.DeepClone();
            own["input_tokens_per_second"] = 12.5m;
            TestCatalogs.Model(j, "gpt-audio")["audio_token_rates"] = own;
        });

        diff.Figures.Should().Equal(
            new FigureChange("gpt-audio", "audio_input_tokens_per_second", FigureUnit.TokensPerSecond, 10, 12.5m),
            new FigureChange("gpt-audio", "audio_output_tokens_per_second", FigureUnit.TokensPerSecond, 20, 25),
            new FigureChange(CatalogDiff.CatalogSubject, "audio_output_tokens_per_second", FigureUnit.TokensPerSecond, 20, 25));
        diff.Figures[2].Percent.Should().Be((25m - 20m) / 20m * 100);
    }

    [Fact]
    public void Compare_ShutdownDateSet_IsALifecycleChange()
    {
        var diff = DiffAgainstBundled(j => TestCatalogs.Model(j, "gpt-4o-audio-preview")["lifecycle"] =
            new JsonObject { ["deprecated"] = "2026-01-10", ["shutdown"] = "2026-07-10" });

        diff.Lifecycle.Should().Equal(
            new LifecycleChange("gpt-4o-audio-preview", "deprecated", null, new DateOnly(2026, 1, 10)),
            new LifecycleChange("gpt-4o-audio-preview", "shutdown", null, new DateOnly(2026, 7, 10)));
    }

    [Fact]
    public void Compare_OnlyDescriptiveFieldsChanged_FindsNothing()
    {
        var diff = DiffAgainstBundled(j =>
        {
            j["version"] = "2099-01-01";
            TestCatalogs.Model(j, "gpt-audio")["description"] = "changed prose";
            TestCatalogs.Prices(j, "gpt-audio")["source"]!["url"] = "https://example.com/prices";
        });

        diff.IsEmpty.Should().BeTrue();
    }
}
