namespace Planner.Cli.Tests.Commands;

public class CompareCommandTests
{
    [Fact]
    public void Compare_GptAudioAndMini_GivesTotalsAndRatios()
    {
        var result = CliRunner.Run("compare", "--models", "gpt-audio,gpt-audio-mini", "--audio-in-seconds", "120", "--audio-out-seconds", "60", "--json");

        result.ExitCode.Should().Be(0, result.Error);
        using var json = result.Json();
        var models = json.RootElement.GetProperty("models").EnumerateArray().ToList();
        decimal gptAudio = (1_200 * 32.00m + 1_200 * 64.00m) / 1_000_000;
        decimal mini = (1_200 * 10.00m + 1_200 * 20.00m) / 1_000_000;
        models[0].GetProperty("total_usd").GetDecimal().Should().Be(gptAudio);
        models[1].GetProperty("total_usd").GetDecimal().Should().Be(mini);
        models[1].GetProperty("ratio_to_baseline").GetDecimal().Should().Be(mini / gptAudio);
        models[1].GetProperty("difference_usd").GetDecimal().Should().Be(mini - gptAudio);
    }

    [Fact]
    public void Compare_OneModel_ExitsTwo()
    {
        var result = CliRunner.Run("compare", "--models", "gpt-audio");

        result.ExitCode.Should().Be(2);
        result.Error.Trim().Should().Be("planner: --models needs at least two models, e.g. gpt-audio,gpt-audio-mini (or leave it out to compare every active model)");
    }
}
