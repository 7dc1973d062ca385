using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Planner.Web.Tests.Api;

public class ProjectApiTests(WebHost host) : IClassFixture<WebHost>
{
    // gpt-audio-1.5: audio input $32 per 1M tokens (from 2026-02-23, no shutdown announced). A month is 30 days.
    private const decimal AudioInPerMillion = 32m;

    private const string Shape = "model=gpt-audio-1.5&audio_in=600&requests_per_day=1000&at=2026-03-01&start=2026-03-01";

    private static string Number(decimal value) => (value / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task Get_AFixedShapeWithZeroSpread_IsExactlyMonthsTimesDaysTimesTheDaysCost()
    {
        var response = await host.Client.GetAsync("/api/project?" + Shape + "&months=3&growth=0");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        decimal day = 1_000 * 600 * AudioInPerMillion / 1_000_000; // $19.20
        root.GetProperty("exact").GetBoolean().Should().BeTrue();
        root.GetProperty("source").GetString().Should().Be("gpt-audio-1.5, 1,000 requests/day");
        root.GetProperty("months").EnumerateArray().Select(m => m.GetProperty("mean_usd").GetRawText()).Should().Equal(Enumerable.Repeat(Number(30 * day), 3));
        root.GetProperty("months")[0].GetProperty("p90_usd").GetRawText().Should().Be(Number(30 * day));
        root.GetProperty("total").GetProperty("mean_usd").GetRawText().Should().Be(Number(3 * 30 * day));
        root.TryGetProperty("runs", out _).Should().BeFalse("an exact projection has no Monte Carlo runs");
    }

    [Fact]
    public async Task Post_TakesAJsonObjectOfTheSameFields_GrowthCompoundsMonthly()
    {
        var response = await host.Client.PostAsJsonAsync("/api/project", new Dictionary<string, object>
        {
            ["model"] = "gpt-audio-1.5", ["audio_in"] = 600, ["requests_per_day"] = 1_000, ["months"] = 2, ["growth"] = 10, ["at"] = "2026-03-01", ["start"] = "2026-03-01",
        });
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        decimal month = 30 * 1_000 * 600 * AudioInPerMillion / 1_000_000; // $576
        json.RootElement.GetProperty("months")[1].GetProperty("mean_usd").GetRawText().Should().Be(Number(month * 1.1m)); // month 2 grown 10%
        json.RootElement.GetProperty("total").GetProperty("mean_usd").GetRawText().Should().Be(Number(month + (month * 1.1m)));
    }

    [Fact]
    public async Task Get_ACallShape_ProjectsCallsADay()
    {
        var response = await host.Client.GetAsync("/api/project?model=gpt-audio-1.5&calls_per_day=100&turns=1&user_audio_seconds=60&months=1&at=2026-03-01&start=2026-03-01");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        json.RootElement.GetProperty("unit").GetString().Should().Be("calls");
        // One turn of 60 s of user audio at 10 tokens/s: 600 audio tokens at $32/1M, 100 calls a day for 30 days.
        json.RootElement.GetProperty("months")[0].GetProperty("mean_usd").GetRawText().Should().Be(Number(30 * 100 * 600 * AudioInPerMillion / 1_000_000));
    }

    [Fact]
    public async Task BadFields_AnswerEveryProblemAtOnce_WithTheCliMessagesByFieldName()
    {
        var response = await host.Client.GetAsync("/api/project?audio_in=600&requests_per_day=-5&months=0&growth=-100&fit=gamma");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = json.RootElement.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("field").GetString(), e.GetProperty("message").GetString())).ToList();

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        errors.Should().Contain(("requests_per_day", "requests_per_day must be >= 0, got -5"));
        errors.Should().Contain(("months", "months must be 1 to 600, got 0"));
        errors.Should().Contain(("growth", "growth must be > -100 (percent a month), got -100"));
        errors.Should().Contain(("fit", "fit must be 'resample' or 'lognormal', got 'gamma'"));
        errors.Should().Contain(("model", "model is required (or trace), e.g. gpt-audio-mini with requests_per_day 1000"));
    }

    [Fact]
    public async Task ARequestOfNothing_Answers400_NeverASilentZero()
    {
        var response = await host.Client.GetAsync("/api/project?model=gpt-audio-1.5&requests_per_day=1000&at=2026-03-01");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("the request has no tokens");
    }

    [Fact]
    public async Task TraceUpload_ProjectsTheTrace_AndItsExactSplitByModelAddsUpToTheTracesTotal()
    {
        using var content = new MultipartFormDataContent
        {
            { new StringContent("1"), "months" },
            { new StringContent("200"), "runs" },
            { new StringContent("model"), "by" },
            { new ByteArrayContent(File.ReadAllBytes(SampleTrace.Path)), "file", "voice-support-day.csv" },
        };

        var response = await host.Client.PostAsync("/api/project/trace", content);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;

        response.StatusCode.Should().Be(HttpStatusCode.OK, root.GetRawText());
        root.GetProperty("source").GetString().Should().StartWith("voice-support-day.csv (");
        root.GetProperty("runs").GetInt32().Should().Be(200);
        root.GetProperty("by").GetProperty("groups").EnumerateArray().Sum(g => g.GetProperty("total_usd").GetDecimal()).Should().Be(SampleTrace.ExactTotal());
    }

    [Fact]
    public async Task TraceUpload_ARequestShapeBesideTheTrace_Answers400ByFieldName()
    {
        using var content = new MultipartFormDataContent
        {
            { new StringContent("1000"), "requests_per_day" },
            { new ByteArrayContent(File.ReadAllBytes(SampleTrace.Path)), "file", "voice-support-day.csv" },
        };

        var response = await host.Client.PostAsync("/api/project/trace", content);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        json.RootElement.GetProperty("errors")[0].GetProperty("message").GetString().Should().Be("give trace or a request shape with requests_per_day, not both");
    }

    [Fact]
    public async Task OpenApi_DocumentsTheProjectEndpointAndItsFields()
    {
        using var json = JsonDocument.Parse(await host.Client.GetStringAsync("/openapi.json"));
        var path = json.RootElement.GetProperty("paths").GetProperty("/api/project");

        path.GetProperty("get").GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString())
            .Should().Contain(["model", "requests_per_day", "requests_per_day_sd", "months", "growth", "budget", "calls_per_day", "migrate_to"]);
        path.TryGetProperty("post", out _).Should().BeTrue();
        json.RootElement.GetProperty("paths").TryGetProperty("/api/project/trace", out _).Should().BeTrue();
    }
}
