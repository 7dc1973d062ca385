using Planner.Core.Catalog;
using Planner.Core.Ingest;
using Planner.Core.Traces;

namespace Planner.Core.Tests.Ingest;

public class ReconcilerTests
{
    // One response on 2026-01-15 (1768471200): text in 300, cached 200, audio in 1,000, text out 200, audio out 600 on gpt-audio-mini.
    private const string Log =
        """{"created":1768471200,"model":"gpt-audio-mini-2025-12-15","usage":{"prompt_tokens":1500,"completion_tokens":800,"prompt_tokens_details":{"cached_tokens":200,"audio_tokens":1000},"completion_tokens_details":{"audio_tokens":600}}}""";

    /// <summary>A Costs API page (GET /v1/organization/costs, group_by=line_item) for 2026-01-15, written by hand.</summary>
    private static string Costs(string audioOutput, string extra = "") => $$"""
        {"object": "page", "data": [{"object": "bucket", "start_time": 1768435200, "end_time": 1768521600, "results": [
          {"object": "organization.costs.result", "amount": {"value": 0.0003, "currency": "usd"}, "line_item": "gpt-audio-mini-2025-12-15, input", "project_id": "proj_a"},
          {"object": "organization.costs.result", "amount": {"value": 0.01, "currency": "usd"}, "line_item": "gpt-audio-mini-2025-12-15, input audio", "project_id": "proj_a"},
          {"object": "organization.costs.result", "amount": {"value": 0.00048, "currency": "usd"}, "line_item": "gpt-audio-mini-2025-12-15, output", "project_id": "proj_a"},
          {"object": "organization.costs.result", "amount": {"value": {{audioOutput}}, "currency": "usd"}, "line_item": "gpt-audio-mini-2025-12-15, output audio", "project_id": "proj_a"}{{extra}}
        ]}], "has_more": false, "next_page": null}
        """;

    private static ReconcileResult Reconcile(string costs, Tolerance tolerance)
    {
        using var usage = UsageFormats.Open(UsageFiles.Write(Log), TestData.Catalog, new TraceOptions(), new TraceRejections());
        return Reconciler.Reconcile(usage, CostsPages.Read(UsageFiles.Write(costs, ".json")), TestData.Catalog, tolerance);
    }

    [Fact]
    public void MatchingBill_Matches_LineItemByLineItem()
    {
        // Planner: text + cached (500 x 0.60) = $0.0003 on "input", 1,000 x 10 = $0.01, 200 x 2.40 = $0.00048, 600 x 20 = $0.012.
        var result = Reconcile(Costs("0.012"), Tolerance.Default);

        result.Matches.Should().BeTrue();
        result.Billed.Should().Be(0.0003m + 0.01m + 0.00048m + 0.012m);
        // gpt-audio-mini lists no cached price: its cached tokens bill at the input rate, on the "input" line.
        result.Rows.Should().HaveCount(4).And.OnlyContain(r => r.Difference == 0 && r.LineItem != null);
        result.Days.Single().Difference.Should().Be(0m);
    }

    [Fact]
    public void BillThatDiffersByACentOnOneLineItem_FailsAZeroTolerance_AndNamesTheLine()
    {
        var result = Reconcile(Costs("0.022"), Tolerance.TryParse("0", out var zero, out _) ? zero : default);

        result.Matches.Should().BeFalse();
        var row = result.Rows.Single(r => r.Exceeded);
        (row.Model, row.Meter, row.LineItem, row.Difference).Should().Be(("gpt-audio-mini-2025-12-15", Meter.AudioOutput, "gpt-audio-mini-2025-12-15, output audio", 0.01m));
        result.Days.Single().Difference.Should().Be(0.01m);
        Reconcile(Costs("0.022"), Tolerance.Default).Matches.Should().BeTrue("a one-cent difference is within a one-cent tolerance");
    }

    [Fact]
    public void UnknownLineItem_IsListedAndCountedInTheDay_NeverDropped()
    {
        const string tool = """,{"object": "organization.costs.result", "amount": {"value": 0.25, "currency": "usd"}, "line_item": "web search tool calls", "project_id": null}""";

        var result = Reconcile(Costs("0.012", tool), Tolerance.Default);

        result.Unparsed.Single().Should().Be(new BilledCost(5, new DateOnly(2026, 1, 15), "web search tool calls", null, 0.25m));
        result.Days.Single().Billed.Should().Be(0.0003m + 0.01m + 0.00048m + 0.012m + 0.25m);
        result.Matches.Should().BeFalse();
    }

    [Fact]
    public void Amounts_AreReadAsDecimalsFromTheirText_NotThroughADouble()
    {
        // 0.1 + 0.2 is 0.30000000000000004 in binary floating point; read as decimals the sum is exact.
        const string page = """{"object":"page","data":[{"object":"bucket","start_time":1768435200,"end_time":1768521600,"results":[{"amount":{"value":0.1,"currency":"usd"},"line_item":"a, input"},{"amount":{"value":0.2,"currency":"usd"},"line_item":"a, input"},{"amount":{"value":1.5e-7,"currency":"usd"},"line_item":"a, output"}]}]}""";

        var billed = CostsPages.Read(UsageFiles.Write(page, ".json"));

        billed.Select(b => b.Amount).Should().Equal(0.1m, 0.2m, 0.00000015m);
        (billed[0].Amount + billed[1].Amount).Should().Be(0.3m);
    }

    [Theory]
    [InlineData("gpt-audio-mini-2025-12-15, input audio", "gpt-audio-mini-2025-12-15", Meter.AudioInput)]
    [InlineData("gpt-audio-mini-2025-12-15, output", "gpt-audio-mini-2025-12-15", Meter.TextOutput)]
    [InlineData("gpt-audio, cached input", "gpt-audio", Meter.CachedTextInput)]
    [InlineData("realtime api | gpt-4o-realtime-preview-2024-12-17 audio, cached input", "gpt-4o-realtime-preview-2024-12-17", Meter.CachedAudioInput)]
    [InlineData("realtime api | gpt-4o-realtime-preview-2024-12-17 text, output", "gpt-4o-realtime-preview-2024-12-17", Meter.TextOutput)]
    public void LineItems_AreParsedIntoModelAndMeter(string item, string model, Meter meter)
    {
        LineItems.TryParse(item, TestData.Catalog, out string parsedModel, out var parsedMeter).Should().BeTrue();
        (parsedModel, parsedMeter).Should().Be((model, meter));
    }

    [Fact]
    public void LineItem_WithAnUnknownPhrase_IsNotParsed() =>
        LineItems.TryParse("gpt-audio, input video", TestData.Catalog, out _, out _).Should().BeFalse();
}
