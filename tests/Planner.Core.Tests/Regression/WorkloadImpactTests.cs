using Planner.Core.Pricing;
using Planner.Core.Regression;

namespace Planner.Core.Tests.Regression;

public class WorkloadImpactTests
{
    private static readonly DateTimeOffset March2 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Measure_PriceRise_GivesExactCostsUnderBothCatalogsAndTheChange()
    {
        var json = TestCatalogs.Json();
        TestCatalogs.Prices(json, "gpt-audio-mini")["audio_input"] = 12.00m;
        var workload = new MemoryWorkload("support",
            ("gpt-audio-mini", March2, Usage.Of(textInput: 1_000, audioInput: 2_000, textOutput: 300, audioOutput: 400)),
            ("gpt-audio-mini", March2.AddMinutes(1), Usage.Of(audioInput: 5_000, audioOutput: 1_000)));

        var impact = WorkloadImpact.Measure(workload, TestCatalogs.Bundled(), TestCatalogs.Load(json));

        // gpt-audio-mini per 1M: text in $0.60, audio in $10 (head: $12), text out $2.40, audio out $20.
        decimal baseCost = ((1_000 * 0.60m) + (7_000 * 10.00m) + (300 * 2.40m) + (1_400 * 20.00m)) / 1_000_000;
        decimal headCost = ((1_000 * 0.60m) + (7_000 * 12.00m) + (300 * 2.40m) + (1_400 * 20.00m)) / 1_000_000;
        impact.Name.Should().Be("support");
        impact.Base.Requests.Should().Be(2);
        impact.Base.Total.Value.Should().Be(baseCost);
        impact.Head.Total.Value.Should().Be(headCost);
        impact.Change.Value.Should().Be(7_000 * 2.00m / 1_000_000);
        impact.Percent.Should().Be((headCost - baseCost) / baseCost * 100);
    }

    [Fact]
    public void Measure_NoChange_IsZeroPercent()
    {
        var workload = new MemoryWorkload("text", ("gpt-audio", March2, Usage.Of(textInput: 10, textOutput: 10)));

        var impact = WorkloadImpact.Measure(workload, TestCatalogs.Bundled(), TestCatalogs.Bundled());

        impact.Change.Value.Should().Be(0);
        impact.Percent.Should().Be(0);
    }

    [Fact]
    public void Measure_EmptyWorkload_HasNoPercentage()
    {
        var impact = WorkloadImpact.Measure(new MemoryWorkload("empty"), TestCatalogs.Bundled(), TestCatalogs.Bundled());

        impact.Base.Requests.Should().Be(0);
        impact.Percent.Should().BeNull();
    }

    [Fact]
    public void Measure_ModelGoneFromHead_NamesTheWorkloadAndTheCatalog()
    {
        var json = TestCatalogs.Json();
        json["models"]!.AsArray().Remove(TestCatalogs.Model(json, "gpt-4o-audio-preview"));
        var workload = new MemoryWorkload("text-heavy", ("gpt-4o-audio-preview", March2, Usage.Of(textInput: 1)));

        var act = () => WorkloadImpact.Measure(workload, TestCatalogs.Bundled(), TestCatalogs.Load(json));

        act.Should().Throw<PlannerException>().WithMessage(
            "workload 'text-heavy' under the head catalog: unknown model 'gpt-4o-audio-preview'; known models: gpt-audio-mini, gpt-audio, gpt-4o-mini-audio-preview, gpt-audio-1.5, gpt-realtime, gpt-realtime-1.5, gpt-realtime-2, gpt-realtime-2.1, gpt-realtime-mini, gpt-realtime-2.1-mini, gpt-4o-realtime-preview, gpt-4o-mini-realtime-preview")
            .Which.Kind.Should().Be(PlannerErrorKind.UnknownModel);
    }
}
