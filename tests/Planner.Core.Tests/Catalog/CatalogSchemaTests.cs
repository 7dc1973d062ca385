using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Planner.Core.Tests.Catalog;

/// <summary>data/catalog.json conforms to data/catalog.schema.json, which editors use to validate it,
/// and the schema rejects what the loader rejects.</summary>
public class CatalogSchemaTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromFile(Path.Combine(TestData.DataDirectory, "catalog.schema.json"));

    private static EvaluationResults Evaluate(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
    }

    [Fact]
    public void BundledCatalog_ConformsToItsSchema()
    {
        var results = Evaluate(File.ReadAllText(TestData.BundledCatalogPath));

        results.IsValid.Should().BeTrue(string.Join("; ", (results.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }

    [Theory]
    [InlineData("audio_input", -1)]
    [InlineData("text_output", 0.0000001)]
    public void Schema_RejectsPricesTheLoaderRejects(string meter, double value)
    {
        var node = JsonNode.Parse(File.ReadAllText(TestData.BundledCatalogPath))!;
        node["models"]![0]!["prices"]![0]![meter] = value;

        Evaluate(node.ToJsonString()).IsValid.Should().BeFalse();
    }

    [Fact]
    public void Schema_RejectsAPriceAboveTheLoadersMaximum()
    {
        var node = JsonNode.Parse(File.ReadAllText(TestData.BundledCatalogPath))!;
        node["models"]![0]!["prices"]![0]!["text_input"] = 9223.372037m;

        Evaluate(node.ToJsonString()).IsValid.Should().BeFalse();
    }

    [Fact]
    public void Schema_RejectsAnUnsupportedTierWithRpm()
    {
        var node = JsonNode.Parse(File.ReadAllText(TestData.BundledCatalogPath))!;
        node["models"]![0]!["tiers"]!["entries"]![0]!["rpm"] = 5;

        Evaluate(node.ToJsonString()).IsValid.Should().BeFalse();
    }

    [Fact]
    public void Schema_RejectsASupportedTierWithoutTpm()
    {
        var node = JsonNode.Parse(File.ReadAllText(TestData.BundledCatalogPath))!;
        node["models"]![0]!["tiers"]!["entries"]![1]!.AsObject().Remove("tpm");

        Evaluate(node.ToJsonString()).IsValid.Should().BeFalse();
    }

    [Fact]
    public void Schema_AcceptsANullLifecycleAsTheLoaderDoes()
    {
        var node = JsonNode.Parse(File.ReadAllText(TestData.BundledCatalogPath))!;
        node["models"]![0]!["lifecycle"] = null;

        Evaluate(node.ToJsonString()).IsValid.Should().BeTrue();
        Planner.Core.Catalog.Json.CatalogJson.Parse(node.ToJsonString()).Errors.Should().BeEmpty();
    }

    [Fact]
    public void Schema_RejectsAnAliasThatIsNotAnId()
    {
        var node = JsonNode.Parse(File.ReadAllText(TestData.BundledCatalogPath))!;
        node["aliases"] = new JsonObject { ["Best Audio"] = "gpt-audio" };

        Evaluate(node.ToJsonString()).IsValid.Should().BeFalse();
    }

    [Fact]
    public void Schema_RejectsAnUnknownField()
    {
        var node = JsonNode.Parse(File.ReadAllText(TestData.BundledCatalogPath))!;
        node["models"]![0]!["colour"] = "blue";

        Evaluate(node.ToJsonString()).IsValid.Should().BeFalse();
    }

    [Fact]
    public void Schema_PriceSet_HasExactlyTheLoadersFields()
    {
        var priceSet = JsonNode.Parse(File.ReadAllText(Path.Combine(TestData.DataDirectory, "catalog.schema.json")))!["$defs"]!["priceSet"]!;

        priceSet["properties"]!.AsObject().Select(p => p.Key).Should().BeEquivalentTo(
            ["effective_from", .. Planner.Core.Catalog.MeterTable.All.Select(m => m.PriceField), "source"]);
    }

    public static TheoryData<string> PriceFields => [.. Planner.Core.Catalog.MeterTable.All.Select(m => m.PriceField)];

    [Theory]
    [MemberData(nameof(PriceFields))]
    public void Schema_AndLoader_AcceptAPriceOrNullOnEveryMeter(string field)
    {
        foreach (JsonNode? value in new JsonNode?[] { JsonValue.Create(0.5m), null })
        {
            var node = JsonNode.Parse(File.ReadAllText(TestData.BundledCatalogPath))!;
            node["models"]![1]!["prices"]![0]![field] = value?.DeepClone();

            Evaluate(node.ToJsonString()).IsValid.Should().BeTrue($"{field} = {value?.ToJsonString() ?? "null"}");
            Planner.Core.Catalog.Json.CatalogJson.Parse(node.ToJsonString()).Errors.Should().BeEmpty();
        }
    }

    [Theory]
    [MemberData(nameof(PriceFields))]
    public void Schema_AndLoader_RejectANegativePriceOnEveryMeter(string field)
    {
        var node = JsonNode.Parse(File.ReadAllText(TestData.BundledCatalogPath))!;
        node["models"]![1]!["prices"]![0]![field] = -1;

        Evaluate(node.ToJsonString()).IsValid.Should().BeFalse();
        Planner.Core.Catalog.Json.CatalogJson.Parse(node.ToJsonString()).Errors.Should().NotBeEmpty();
    }
}
