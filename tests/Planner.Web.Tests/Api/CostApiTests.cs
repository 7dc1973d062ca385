using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Planner.Web.Tests.Api;

public class CostApiTests(WebHost host) : IClassFixture<WebHost>
{
    [Fact]
    public async Task Get_BindsSnakeCaseFields_AndAnswersTheCostRecordWithExactFigures()
    {
        var response = await host.Client.GetAsync("/api/cost?model=gpt-audio-mini&audio_in_seconds=120&audio_out_seconds=60&requests=1000");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        // 1,200 audio tokens in at $10/1M and 1,200 out at $20/1M.
        root.GetProperty("per_request_usd").GetRawText().Should().Be((1_200 * 10m / 1_000_000 + 1_200 * 20m / 1_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture).TrimEnd('0'));
        root.GetProperty("total_usd").GetRawText().Should().Be("36");
        root.GetProperty("breakdown_usd").GetProperty("audio_input").GetRawText().Should().Be("12");
        root.GetProperty("tokens").GetProperty("audio_output").GetInt64().Should().Be(1_200);
    }

    [Fact]
    public async Task Post_TakesAJsonObjectOfTheSameFields()
    {
        var response = await host.Client.PostAsJsonAsync("/api/cost", new Dictionary<string, object> { ["model"] = "gpt-audio-mini", ["audio_in_seconds"] = 120, ["requests"] = 2 });
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        json.RootElement.GetProperty("total_usd").GetRawText().Should().Be("0.024"); // 2 x 1,200 x $10 / 1M
    }

    [Fact]
    public async Task BadFields_AnswerEveryProblemAtOnce_ByFieldName()
    {
        var response = await host.Client.GetAsync("/api/cost?model=gpt-audio-mini&audio_in_seconds=abc&text_in=x&colour=blue");
        string body = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(body);
        var errors = json.RootElement.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("field").GetString(), e.GetProperty("message").GetString())).ToList();

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        errors.Should().Contain(("audio_in_seconds", "audio_in_seconds must be a number, got 'abc'"));
        errors.Should().Contain(("text_in", "text_in must be a whole number, got 'x'"));
        errors.Select(e => e.Item1).Should().Contain("colour");
    }

    [Fact]
    public async Task QueryValidation_IsTheContractsOwn()
    {
        var response = await host.Client.GetAsync("/api/cost?model=gpt-audio-mini&audio_in_seconds=10&requests=0");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        json.RootElement.GetProperty("errors")[0].GetProperty("message").GetString().Should().Be("requests must be between 1 and 1,000,000,000,000, got 0");
    }

    [Fact]
    public async Task AnUnknownModel_Answers400WithCoresMessage()
    {
        var response = await host.Client.GetAsync("/api/cost?model=gpt-nothing&audio_in_seconds=10");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("unknown model 'gpt-nothing'");
    }

    [Fact]
    public async Task OpenApi_DocumentsTheEndpointAndItsFields()
    {
        using var json = JsonDocument.Parse(await host.Client.GetStringAsync("/openapi.json"));
        var get = json.RootElement.GetProperty("paths").GetProperty("/api/cost").GetProperty("get");

        get.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).Should().Contain(["model", "requests", "audio_in_seconds", "text_in"]);
        json.RootElement.GetProperty("paths").GetProperty("/api/cost").TryGetProperty("post", out _).Should().BeTrue();
    }
}
