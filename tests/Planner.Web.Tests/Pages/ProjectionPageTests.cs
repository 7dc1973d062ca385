using System.Globalization;
using System.Text.RegularExpressions;

namespace Planner.Web.Tests.Pages;

public partial class ProjectionPageTests(WebHost host) : IClassFixture<WebHost>
{
    [Fact]
    public async Task ProjectionPage_ExactProjection_ShowsTheMonthAndHorizonWorkedByHand()
    {
        string html = await host.Client.GetStringAsync("/projection?model=gpt-audio-1.5&requests_per_day=1000&requests_per_day_sd=0&audio_in_seconds=60&months=3&growth=0&at=2026-03-01&start=2026-03-01");

        // 60 s of audio in at 10 tokens/s = 600 tokens at $32/1M, 1,000 a day, 30 days: $576 a month, $1,728 over three.
        decimal month = 1_000 * 30 * 600 * 32m / 1_000_000;
        Figure(html, "month_1").Should().Be("$" + month.ToString("N2", CultureInfo.InvariantCulture));
        Figure(html, "horizon").Should().Be("$" + (3 * month).ToString("N0", CultureInfo.InvariantCulture));
        html.Should().Contain("3 months from 2026-03-01");
    }

    [Fact]
    public async Task ProjectionPage_BadValues_ShowTheCliMessagesBesideTheirFields()
    {
        string html = await host.Client.GetStringAsync("/projection?model=gpt-audio-mini&requests_per_day=1000&audio_in_seconds=60&months=0&growth=-100");

        html.Should().Contain("<span class=\"error\" id=\"months-error\" role=\"alert\">months must be 1 to 600, got 0</span>");
        html.Should().Contain("<span class=\"error\" id=\"growth-error\" role=\"alert\">growth must be &gt; -100 (percent a month), got -100</span>");
        html.Should().NotContain("data-figure=");
    }

    [Fact]
    public async Task ProjectionPage_AnUnknownModel_IsNamedBesideTheModelField()
    {
        string html = await host.Client.GetStringAsync("/projection?model=gpt-audio-1.5&compare_models=gpt-audio-minx&requests_per_day=1000&audio_in_seconds=60");

        html.Should().Contain("id=\"compare_models-error\"").And.Contain("gpt-audio-minx");
    }

    [Fact]
    public async Task ProjectionCsv_IsTheContractsCsvOfTheSameRecord()
    {
        string csv = await host.Client.GetStringAsync("/projection.csv?model=gpt-audio-1.5&requests_per_day=10&audio_in_seconds=60&requests_per_day_sd=0&months=2&growth=0&at=2026-03-01");

        decimal month = 10 * 30 * 600 * 32m / 1_000_000; // $5.76
        csv.Split('\n')[1].Split(',')[3].Should().Be(month.ToString("0.######", CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task ProjectionPage_FirstVisit_LinksTheExampleToTheApi_WhichAnswersTheSameFirstMonth()
    {
        string html = await host.Client.GetStringAsync("/projection");
        string link = System.Net.WebUtility.HtmlDecode(ApiLinkRegex().Match(html).Groups[1].Value);

        link.Should().StartWith("/api/project?model=gpt-audio-mini");
        var response = await host.Client.GetAsync(link);
        response.StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        decimal p50 = json.RootElement.GetProperty("months")[0].GetProperty("p50_usd").GetDecimal();
        Figure(html, "month_1").Should().Be("$" + Math.Round(p50, 0, MidpointRounding.AwayFromZero).ToString("N0", CultureInfo.InvariantCulture));
    }

    [GeneratedRegex("href=\"(/api/project[^\"]*)\"")]
    private static partial Regex ApiLinkRegex();

    private static string Figure(string html, string name) => FigureRegex(name).Match(html) is { Success: true } m ? m.Groups[1].Value : "(missing)";

    private static Regex FigureRegex(string name) => new($"data-figure=\"{name}\">([^<]*)<");
}
