using System.Net;
using System.Text.RegularExpressions;

namespace Planner.Web.Tests.Pages;

public partial class CostPageTests(WebHost host) : IClassFixture<WebHost>
{
    // gpt-audio-mini: audio input $10 and audio output $20 per 1M tokens; audio is 10 tokens/s in and 20 tokens/s out.
    private const decimal AudioInPerMillion = 10m;
    private const decimal AudioOutPerMillion = 20m;

    [Fact]
    public async Task CostPage_ShowsTheRequestDayAndMonth_WorkedByHand()
    {
        string html = await host.Client.GetStringAsync("/?model=gpt-audio-mini&audio_in_seconds=120&audio_out_seconds=60&requests=2500");

        decimal perRequest = (120 * 10 * AudioInPerMillion / 1_000_000) + (60 * 20 * AudioOutPerMillion / 1_000_000); // 0.012 + 0.024
        Figure(html, "per_request").Should().Be("$" + perRequest.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture));
        Figure(html, "per_day").Should().Be("$90.00"); // 2,500 x $0.036
        Figure(html, "per_month").Should().Be("$2,700.00"); // 30 x $90
    }

    [Fact]
    public async Task CostPage_FirstVisit_ShowsTheExampleRequest()
    {
        string html = await host.Client.GetStringAsync("/");

        Figure(html, "per_request").Should().Be("$0.036");
        html.Should().Contain("aria-current=\"page\"");
    }

    [Fact]
    public async Task CostPage_BadValue_ShowsTheMessageBesideTheField()
    {
        var response = await host.Client.GetAsync("/?model=gpt-audio-mini&audio_in_seconds=abc&audio_out_seconds=60");
        string html = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        html.Should().Contain("<input type=\"text\" id=\"audio_in_seconds\" name=\"audio_in_seconds\" value=\"abc\" inputmode=\"decimal\" aria-describedby=\"audio_in_seconds-hint audio_in_seconds-error\" aria-invalid=\"true\">");
        html.Should().Contain("<span class=\"error\" id=\"audio_in_seconds-error\" role=\"alert\">audio_in_seconds must be a number, got &#39;abc&#39;</span>");
        html.Should().NotContain("data-figure=");
    }

    [Fact]
    public async Task CostPage_ComparesModels_RankedWithTheRatioToTheFirst()
    {
        // gpt-audio: audio $32 in and $64 out per 1M: 1,200 x 32 / 1M + 1,200 x 64 / 1M = $0.1152, x3.2 the mini's $0.036.
        string html = await host.Client.GetStringAsync("/?model=gpt-audio-mini&audio_in_seconds=120&audio_out_seconds=60&requests=1000&compare=gpt-audio");

        html.Should().Contain("<th scope=\"row\">gpt-audio</th>");
        html.Should().MatchRegex("gpt-audio</th><td>.*?</td><td class=\"num\">\\$0.1152</td><td class=\"num\">\\$3,456.00</td><td class=\"num\">×3.2</td>");
    }

    [Fact]
    public async Task CostCsv_CarriesTheExactFigures()
    {
        string csv = await host.Client.GetStringAsync("/cost.csv?model=gpt-audio-mini&audio_in_seconds=120&audio_out_seconds=60&requests=1000");

        csv.Split('\n').Should().Contain("gpt-audio-mini,total,2400,,0.036,36,1080");
        csv.Split('\n').Should().Contain("gpt-audio-mini,audio_input,1200,10,0.012,12,360");
    }

    [Fact]
    public async Task CostPage_FirstVisit_LinksTheExampleToTheApi_WhichAnswersTheSameDay()
    {
        string html = await host.Client.GetStringAsync("/");
        string link = System.Net.WebUtility.HtmlDecode(Regex.Match(html, "href=\"(/api/cost[^\"]*)\"").Groups[1].Value);

        link.Should().StartWith("/api/cost?model=gpt-audio-mini");
        var response = await host.Client.GetAsync(link);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        // 1,000 requests of 120 s in (1,200 tokens at $10/1M) and 60 s out (1,200 tokens at $20/1M): $36.
        json.RootElement.GetProperty("total_usd").GetDecimal().Should().Be(1_000 * ((1_200 * 10m / 1_000_000) + (1_200 * 20m / 1_000_000)));
    }

    [Fact]
    public async Task CostPage_OneRequestADay_SaysRequestInTheSingular()
    {
        string html = await host.Client.GetStringAsync("/?model=gpt-audio-mini&audio_in_seconds=60&requests=1");

        html.Should().Contain(">1 request</div>").And.NotContain("1 requests<");
        html.Should().Contain(">30 requests</div>");
    }

    private static string Figure(string html, string name) =>
        FigurePattern().Matches(html).Single(m => m.Groups[1].Value == name).Groups[2].Value;

    [GeneratedRegex("data-figure=\"([a-z_]+)\">([^<]*)<")]
    private static partial Regex FigurePattern();
}
