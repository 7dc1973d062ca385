using System.Text.Json.Nodes;
using Planner.Core.Catalog.Json;

namespace Planner.Core.Tests.Catalog.Json;

/// <summary>Numbers are validated from their JSON text, not from the decimal System.Text.Json rounds them to.</summary>
public class CatalogJsonNumberTests
{
    private const string Placeholder = "\"__number__\"";

    /// <summary>The bundled catalog with one field's value written as <paramref name="raw"/> JSON number text.</summary>
    private static string WithNumber(Func<JsonObject, JsonObject> owner, string field, string raw)
    {
        var json = TestCatalogs.Json();
        owner(json)[field] = "__number__";
        return json.ToJsonString().Replace(Placeholder, raw, StringComparison.Ordinal);
    }

    private static IReadOnlyList<string> Errors(string text)
    {
        var result = CatalogJson.Parse(text);
        result.IsValid.Should().BeFalse();
        return result.Errors.Select(e => e.ToString()).ToList();
    }

    private static JsonObject FirstPrices(JsonObject j) => TestCatalogs.Prices(j, "gpt-audio-mini");

    private static JsonObject FirstLimits(JsonObject j) => TestCatalogs.Model(j, "gpt-audio-mini")["limits"]!.AsObject();

    private static JsonObject Rates(JsonObject j) => j["audio_token_rates"]!.AsObject();

    private static JsonObject FirstSchemeTier(JsonObject j) => j["tier_schemes"]![0]!["tiers"]![0]!.AsObject();

    [Fact]
    public void Parse_PriceWithMoreDigitsThanADecimalHolds_IsRefusedNotRoundedToTheNearestPrice()
    {
        // 31 decimal places: TryGetDecimal would round it to 0.6 and the catalog would load a price nobody wrote.
        string raw = "0.6000000000000000000000000000001";

        Errors(WithNumber(FirstPrices, "text_input", raw))
            .Should().Equal($"models[0].prices[0].text_input: must have at most 6 decimal places, got {raw}");
    }

    [Fact]
    public void Parse_PriceThatUnderflowsToZero_IsRefusedNotReadAsFree()
    {
        Errors(WithNumber(FirstPrices, "text_input", "1e-400"))
            .Should().Equal("models[0].prices[0].text_input: must have at most 6 decimal places, got 1e-400");
    }

    [Fact]
    public void Parse_ContextWindowWithATinyFraction_IsNotAWholeNumber()
    {
        string raw = "128000.00000000000000000000000001";

        Errors(WithNumber(FirstLimits, "context_window", raw))
            .Should().Equal($"models[0].limits.context_window: must be a whole number from 1 to 1,000,000,000,000, got {raw}");
    }

    [Fact]
    public void Parse_AudioRateBeyondADecimal_StatesTheRatesRule()
    {
        string raw = "10.00000000000000000000000000000000001";

        Errors(WithNumber(Rates, "input_tokens_per_second", raw))
            .Should().Equal($"audio_token_rates.input_tokens_per_second: must have at most 3 decimal places, got {raw}");
    }

    [Fact]
    public void Parse_PaymentWithMorePlacesThanADecimal_StatesTheRule()
    {
        string raw = "5e-29";

        Errors(WithNumber(FirstSchemeTier, "qualifying_payment_usd", raw))
            .Should().Equal($"tier_schemes[0].tiers[0].qualifying_payment_usd: must have at most 28 decimal places, got {raw}");
    }

    [Fact]
    public void Parse_ALongNumber_IsShortenedInTheMessage()
    {
        string raw = "0." + new string('1', 400);

        string error = Errors(WithNumber(FirstPrices, "text_input", raw)).Should().ContainSingle().Subject;

        error.Should().StartWith("models[0].prices[0].text_input: must have at most 6 decimal places, got 0.1111")
            .And.EndWith("... (402 characters)");
    }

    [Theory]
    [InlineData("2.5e0")]
    [InlineData("25e-1")]
    [InlineData("2.50000000000000000000000000000000000")]
    [InlineData("0.0000000000000000000000000000000025e33")]
    public void Parse_SpellingsOfAnExactPrice_AreAccepted(string raw)
    {
        // Each is exactly 2.5: trailing zeros and exponents do not make a number inexact.
        var catalog = CatalogJson.Parse(WithNumber(FirstPrices, "text_input", raw));

        catalog.Errors.Should().BeEmpty();
        catalog.Catalog!.Resolve("gpt-audio-mini").Model.Should().NotBeNull();
    }

    [Theory]
    [InlineData("128e3")]
    [InlineData("128000.000")]
    [InlineData("1.28E+5")]
    public void Parse_WholeNumbersWrittenWithAnExponentOrZeros_AreAccepted(string raw)
    {
        var catalog = CatalogJson.Parse(WithNumber(FirstLimits, "context_window", raw)).GetOrThrow("test");

        catalog.Resolve("gpt-audio-mini").Model.ContextWindow.Value.Should().Be(128_000);
    }

    [Fact]
    public void Parse_AWholeNumberBeyondADecimal_IsOutOfRange()
    {
        Errors(WithNumber(FirstLimits, "context_window", "1e29"))
            .Should().Equal("models[0].limits.context_window: must be a number within the range of a decimal, got 1e29");
    }

    [Fact]
    public void Parse_RootThatIsNotAnObject_IsAnErrorAtTheRoot()
    {
        var error = CatalogJson.Parse("[1, 2]").Errors.Should().ContainSingle().Subject;

        error.Path.Should().Be("$");
        error.ToString().Should().Be("$: must be a JSON object");
    }

    [Fact]
    public void Parse_MissingTopLevelField_IsAnErrorAtThatField()
    {
        var json = TestCatalogs.Json();
        json.Remove("version");

        var error = CatalogJson.Parse(json.ToJsonString()).Errors.Should().ContainSingle().Subject;

        error.Path.Should().Be("version");
        error.Message.Should().Be("is required");
    }
}
