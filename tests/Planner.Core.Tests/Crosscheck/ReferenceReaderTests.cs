using Planner.Core.Crosscheck;

namespace Planner.Core.Tests.Crosscheck;

/// <summary>Files the readers cannot use are errors naming the file and, where there is one, the JSON path.</summary>
public class ReferenceReaderTests
{
    [Fact]
    public void LiteLlm_MissingFile_NamesIt()
    {
        string file = Path.Combine(Path.GetTempPath(), "planner-no-such-" + Guid.NewGuid().ToString("N") + ".json");

        var act = () => LiteLlmReader.Read(file);

        act.Should().Throw<PlannerException>().WithMessage($"{file}: no such file");
    }

    [Fact]
    public void LiteLlm_NotJson_NamesTheLine()
    {
        string file = CrosscheckFixtures.File("{\n  \"gpt-realtime-2\": {,\n}");

        var act = () => LiteLlmReader.Read(file);

        act.Should().Throw<PlannerException>().WithMessage($"{file}: not valid JSON (line 2, byte *)");
    }

    [Fact]
    public void LiteLlm_PriceAsAString_NamesItsPath()
    {
        string file = CrosscheckFixtures.File("""{"gpt-realtime-2": {"input_cost_per_token": "4e-06"}}""");

        var act = () => LiteLlmReader.Read(file).Find("gpt-realtime-2");

        act.Should().Throw<PlannerException>().Where(e => e.Kind == PlannerErrorKind.InvalidReferenceFile)
            .WithMessage($"{file}: $['gpt-realtime-2'].input_cost_per_token: must be a number, got the string \"4e-06\"");
    }

    [Fact]
    public void LiteLlm_ArrayRoot_SaysWhatIsExpected()
    {
        string file = CrosscheckFixtures.File("[]");

        var act = () => LiteLlmReader.Read(file);

        act.Should().Throw<PlannerException>().WithMessage($"{file}: $: must be an object keyed by model name (LiteLLM's model_prices_and_context_window.json)");
    }

    [Fact]
    public void GenAiPrices_NegativePrice_NamesItsPath()
    {
        string file = CrosscheckFixtures.File("""[{"id": "openai", "models": [{"id": "gpt-audio", "match": {"equals": "gpt-audio"}, "prices": {"input_mtok": -2.5}}]}]""");

        var act = () => GenAiPricesReader.Read(file, CrosscheckFixtures.At);

        act.Should().Throw<PlannerException>().WithMessage($"{file}: $[0].models[0].prices.input_mtok: must be >= 0, got -2.5");
    }

    [Fact]
    public void GenAiPrices_WithoutAnOpenAiProvider_SaysSo()
    {
        string file = CrosscheckFixtures.File("""[{"id": "anthropic", "models": []}]""");

        var act = () => GenAiPricesReader.Read(file, CrosscheckFixtures.At);

        act.Should().Throw<PlannerException>().WithMessage($"{file}: $: lists no provider with id \"openai\"");
    }

    [Fact]
    public void GenAiPrices_UnknownMatchClause_NamesItsPath()
    {
        string file = CrosscheckFixtures.File("""[{"id": "openai", "models": [{"id": "gpt-audio", "match": {"glob": "gpt-*"}, "prices": {}}]}]""");

        var act = () => GenAiPricesReader.Read(file, CrosscheckFixtures.At);

        act.Should().Throw<PlannerException>().WithMessage($"{file}: $[0].models[0].match.glob: unknown match clause (known: equals, starts_with, ends_with, contains, regex, or, and)");
    }

    [Fact]
    public void GenAiPrices_YamlProviderFile_IsRefusedWithWhatToGive()
    {
        string file = CrosscheckFixtures.File("name: OpenAI\n", ".yml");

        var act = () => GenAiPricesReader.Read(file, CrosscheckFixtures.At);

        act.Should().Throw<PlannerException>().WithMessage($"{file}: genai-prices' YAML provider files are not read; give its built prices/data.json");
    }
}
