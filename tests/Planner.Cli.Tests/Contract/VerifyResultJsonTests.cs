using System.Text;
using Planner.Contract.Json;
using Planner.Contract.Queries;
using Planner.Contract.Services;

namespace Planner.Cli.Tests.Contract;

public class VerifyResultJsonTests
{
    [Fact]
    public void VerifyResult_Json_HasExactlyThePinnedFieldNames()
    {
        var written = VerifyService.Run(new VerifyQuery { UpdateGolden = true }, ContractCatalog.Bundled, "data/catalog.json", "data/golden/catalog.golden.md", bundledCopy: false, goldenText: null);
        var checkedAgain = VerifyService.Run(new VerifyQuery(), ContractCatalog.Bundled, "data/catalog.json", "data/golden/catalog.golden.md", bundledCopy: false, written.GoldenText);
        string json = Encoding.UTF8.GetString(PlannerJson.ToUtf8(checkedAgain, PlannerJson.Context.VerifyResult));

        JsonPaths.Of(json).Should().BeEquivalentTo("catalog", "bundled_copy", "golden", "valid", "golden_updated", "models", "figures", "matches", "mismatches");
        written.GoldenUpdated.Should().BeTrue();
        checkedAgain.Matches.Should().BeTrue();
        checkedAgain.Figures.Should().Be(written.Figures).And.BeGreaterThan(0);
        checkedAgain.Models.Should().Be(ContractCatalog.Bundled.Models.Count);
    }

    [Fact]
    public void VerifyResult_AChangedFigure_IsAMismatch()
    {
        var written = VerifyService.Run(new VerifyQuery { UpdateGolden = true }, ContractCatalog.Bundled, "data/catalog.json", "golden.md", bundledCopy: false, goldenText: null);
        string golden = written.GoldenText!;
        // The snapshot's row for gpt-audio-mini's audio input price ends "| 10 |"; pin it at 11 instead.
        string line = golden.Split('\n').First(l => l.Contains("gpt-audio-mini", StringComparison.Ordinal) && l.Contains(": audio_input ", StringComparison.Ordinal));
        var result = VerifyService.Run(new VerifyQuery(), ContractCatalog.Bundled, "data/catalog.json", "golden.md", bundledCopy: false, golden.Replace(line, line.Replace("| 10 |", "| 11 |", StringComparison.Ordinal), StringComparison.Ordinal));

        result.Matches.Should().BeFalse();
        result.Mismatches.Should().ContainSingle().Which.Should().Contain("audio_input").And.Contain("golden 11").And.Contain("catalog 10");
    }
}
