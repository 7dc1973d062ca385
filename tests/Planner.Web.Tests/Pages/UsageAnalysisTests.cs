using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Planner.Web.Tests.Pages;

/// <summary>The Your usage page's simulation, recommendation and reconciliation, on a small trace written here: the page's
/// figures are the API's records (the CLI's --json) for the same file, and the money is worked out by hand.</summary>
public class UsageAnalysisTests(WebHost host) : IClassFixture<WebHost>
{
    // Three gpt-audio-mini requests at the same instant, each 10,000 text tokens in, 100 out, max_tokens 10,000: a TPM
    // charge of 20,000 each. Tier 1 (until 2026-10-05): 500 RPM, 30,000 TPM; the bucket holds 30,000 tokens and refills
    // 500 a second. The first goes at once (10,000 left); the second waits (20,000 - 10,000) / 500 = 20 s (0 left); the
    // third waits 20,000 / 500 = 40 s more: admitted at 60 s.
    internal const string Trace =
        "timestamp,model,input_text_tokens,cached_input_tokens,input_audio_tokens,output_text_tokens,output_audio_tokens,max_tokens,request_id\n"
        + "2026-01-15T09:00:00Z,gpt-audio-mini,10000,0,0,100,0,10000,a\n"
        + "2026-01-15T09:00:00Z,gpt-audio-mini,10000,0,0,100,0,10000,b\n"
        + "2026-01-15T09:00:00Z,gpt-audio-mini,10000,0,0,100,0,10000,c\n";

    // gpt-audio-mini: text in $0.60 / 1M, text out $2.40 / 1M.
    private const decimal InputUsd = 3 * 10_000 * 0.60m / 1_000_000;
    private const decimal OutputUsd = 3 * 100 * 2.40m / 1_000_000;

    // A Costs API page for 2026-01-15 (start_time 1768435200): input billed as Planner prices it, output billed $0.05
    // (Planner: $0.00072), and a line item Planner cannot read.
    internal const string Costs = """
        {"object": "page", "data": [{"object": "bucket", "start_time": 1768435200, "end_time": 1768521600, "results": [
          {"object": "organization.costs.result", "amount": {"value": 0.018, "currency": "usd"}, "line_item": "gpt-audio-mini, input", "project_id": null},
          {"object": "organization.costs.result", "amount": {"value": 0.05, "currency": "usd"}, "line_item": "gpt-audio-mini, output", "project_id": null},
          {"object": "organization.costs.result", "amount": {"value": 0.002, "currency": "usd"}, "line_item": "web search tool calls", "project_id": null}
        ]}], "has_more": false, "next_page": null}
        """;

    private static MultipartFormDataContent Form(string? tier = null, string? costs = null, string? tolerance = null, string trace = Trace)
    {
        var content = new MultipartFormDataContent();
        if (tier is not null)
        {
            content.Add(new StringContent(tier), "tier");
        }

        if (tolerance is not null)
        {
            content.Add(new StringContent(tolerance), "tolerance");
        }

        if (costs is not null)
        {
            var part = new ByteArrayContent(Encoding.UTF8.GetBytes(costs));
            part.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            content.Add(part, "costs", "costs.json");
        }

        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(trace));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(file, "file", "three.csv");
        return content;
    }

    private static string Figure(string html, string name) =>
        WebUtility.HtmlDecode(Regex.Match(html, $"data-figure=\"{name}\">([^<]*)<").Groups[1].Value);

    private static string Seconds(double s) =>
        s < 10 ? s.ToString("0.###", CultureInfo.InvariantCulture) + " s" : s.ToString("#,0.#", CultureInfo.InvariantCulture) + " s";

    [Fact]
    public async Task AChosenTier_ShowsTheSimulateRecordsDelays_AndTheThirdRequestWaitsAMinute()
    {
        var page = await host.Client.PostAsync("/usage", Form(tier: "1"));
        string html = await page.Content.ReadAsStringAsync();
        var api = await host.Client.PostAsync("/api/simulate", Form(tier: "1"));
        using var json = JsonDocument.Parse(await api.Content.ReadAsStringAsync());
        var delays = json.RootElement.GetProperty("queue_delay_seconds");

        page.StatusCode.Should().Be(HttpStatusCode.OK);
        html.Should().Contain("Simulation at Tier 1<");
        Figure(html, "p50").Should().Be(Seconds(delays.GetProperty("p50").GetDouble()));
        Figure(html, "p99").Should().Be(Seconds(delays.GetProperty("p99").GetDouble()));
        Figure(html, "max_delay").Should().Be(Seconds(delays.GetProperty("max").GetDouble()));
        Figure(html, "completed").Should().Be("3");
        delays.GetProperty("max").GetDouble().Should().BeApproximately(60, 0.6, "the third request waits for 40,000 tokens of refill at 500 a second, after 20 s for the second");
    }

    [Fact]
    public async Task TheRecommendedTier_IsTheRecommendRecords_AndTheDefaultSimulatesIt()
    {
        string html = await (await host.Client.PostAsync("/usage", Form())).Content.ReadAsStringAsync();
        var api = await host.Client.PostAsync("/api/recommend", Form());
        using var json = JsonDocument.Parse(await api.Content.ReadAsStringAsync());
        string tier = json.RootElement.GetProperty("recommended_tier").GetString()!;

        Figure(html, "recommended_tier").Should().Be(json.RootElement.GetProperty("recommended_tier_name").GetString());
        html.Should().Contain($"Simulation at {json.RootElement.GetProperty("recommended_tier_name").GetString()} (the recommended tier)<");
        json.RootElement.GetProperty("tiers").GetArrayLength().Should().Be(6, "the scheme in effect on 2026-01-15 has Free and Tiers 1 to 5");
        tier.Should().NotBe("1", "at tier 1 the third request waits a minute, over the 1 s objective");
    }

    [Fact]
    public async Task TheCostOnThePage_IsWorkedOutByHand()
    {
        string html = await (await host.Client.PostAsync("/usage", Form(tier: "2"))).Content.ReadAsStringAsync();

        Figure(html, "total").Should().Be("$0.02");
        html.Should().Contain($"exact: {SampleTrace.Exact(InputUsd + OutputUsd)}<");
    }

    [Fact]
    public async Task ACostsExport_ShowsEachDayAndLineItem_WithTheDifferenceByHand()
    {
        var page = await host.Client.PostAsync("/usage", Form(tier: "2", costs: Costs));
        string html = await page.Content.ReadAsStringAsync();
        var api = await host.Client.PostAsync("/api/reconcile", Form(costs: Costs));
        using var json = JsonDocument.Parse(await api.Content.ReadAsStringAsync());

        decimal billed = 0.018m + 0.05m + 0.002m;
        page.StatusCode.Should().Be(HttpStatusCode.OK);
        api.StatusCode.Should().Be(HttpStatusCode.OK);
        Figure(html, "reconcile_planner").Should().Be(SampleTrace.Exact(InputUsd + OutputUsd));
        Figure(html, "reconcile_billed").Should().Be(SampleTrace.Exact(billed));
        Figure(html, "reconcile_difference").Should().Be(SampleTrace.Exact(billed - InputUsd - OutputUsd));
        json.RootElement.GetProperty("difference_usd").GetDecimal().Should().Be(billed - InputUsd - OutputUsd);
        html.Should().Contain($"<td class=\"num\" data-figure=\"difference\">{SampleTrace.Exact(0.05m - OutputUsd)}</td><td><strong>no</strong></td>");
        html.Should().Contain("costs.json:").And.Contain("web search tool calls");
        json.RootElement.GetProperty("matches").GetBoolean().Should().BeFalse();
    }

    [Fact]
    public async Task ABadCostsExport_Answers400BesideTheCostsInput()
    {
        var page = await host.Client.PostAsync("/usage", Form(costs: "{\"object\": \"page\", \"data\": [{\"start_time\": 1768435200, \"results\": [{\"amount\": {\"value\": \"x\"}}]}]}"));
        string html = await page.Content.ReadAsStringAsync();

        page.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        html.Should().Contain("<span class=\"error\" id=\"costs-error\" role=\"alert\">costs.json:1: amount.value: must be a number");
        html.Should().Contain("id=\"costs\" name=\"costs\" accept=\".json,.jsonl\" aria-describedby=\"costs-hint costs-error\" aria-invalid=\"true\"");
    }

    [Theory]
    [InlineData("tier", "7", "tier must be recommended, none or one of")]
    [InlineData("tolerance", "lots", "tolerance ")]
    public async Task ABadField_Answers400BesideItsInput(string field, string value, string message)
    {
        var page = await host.Client.PostAsync("/usage", field == "tier" ? Form(tier: value) : Form(tolerance: value));
        string html = await page.Content.ReadAsStringAsync();

        page.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        html.Should().Contain($"<span class=\"error\" id=\"{field}-error\" role=\"alert\">{message}");
    }

    [Fact]
    public async Task ATierOfAnotherScheme_SaysSoBesideTheTier_AndStillPrices()
    {
        var page = await host.Client.PostAsync("/usage", Form(tier: "launch"));
        string html = await page.Content.ReadAsStringAsync();

        html.Should().Contain("id=\"tier-error\"");
        Figure(html, "total").Should().Be("$0.02");
    }

    [Fact]
    public async Task PriceOnly_SimulatesNothing()
    {
        string html = await (await host.Client.PostAsync("/usage", Form(tier: "none"))).Content.ReadAsStringAsync();

        html.Should().NotContain("id=\"simulate-h\"").And.NotContain("id=\"recommend-h\"");
        Figure(html, "total").Should().Be("$0.02");
    }

    [Fact]
    public async Task TheSampleLink_TakesTheTier_AndShowsTheThroughputChartInline()
    {
        string html = await host.Client.GetStringAsync("/usage?sample=voice-support-day&tier=3");

        html.Should().Contain("Simulation at Tier 3");
        html.Should().Contain("<svg").And.Contain("aria-labelledby=\"throughput-caption\"").And.Contain("<figcaption id=\"throughput-caption\"");
        html.Should().Contain("download=\"voice-support-day-tier-3-per-minute.csv\"").And.Contain("download=\"voice-support-day-tier-3-throughput.png\"");
        html.Should().NotContain("style=\"", "the page's CSP allows no inline style");
    }

    [Fact]
    public async Task ThePerMinuteCsv_CountsEachAdmissionInTheMinuteItWasAdmitted()
    {
        string html = await (await host.Client.PostAsync("/usage", Form(tier: "1"))).Content.ReadAsStringAsync();
        string href = Regex.Match(html, "href=\"data:text/csv;base64,([^\"]+)\" download=\"three-tier-1-per-minute.csv\"").Groups[1].Value;
        string csv = Encoding.UTF8.GetString(Convert.FromBase64String(href));

        // Admitted at 09:00:00, 09:00:20 and 09:01:00: two in the first minute, one in the second; 20,000 tokens each.
        csv.Should().Be("model,minute_utc,requests,tpm_tokens,rpm_limit,tpm_limit\n"
            + "gpt-audio-mini,2026-01-15T09:00Z,2,40000,500,30000\n"
            + "gpt-audio-mini,2026-01-15T09:01Z,1,20000,500,30000\n");
    }
}
