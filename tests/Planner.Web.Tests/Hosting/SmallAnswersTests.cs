using System.Net;
using System.Text.Json;

namespace Planner.Web.Tests.Hosting;

public class SmallAnswersTests(WebHost host) : IClassFixture<WebHost>
{
    private const string Example = "model=gpt-audio-mini&requests_per_day=1000&requests_per_day_sd=0&audio_in_seconds=60&months=3";

    [Theory]
    [InlineData("svg", "projection.svg")]
    [InlineData("png", "projection.png")]
    public async Task ChartDownloads_AreAttachmentsWithAFileName(string kind, string name)
    {
        var response = await host.Client.GetAsync($"/projection/chart.{kind}?{Example}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
        response.Content.Headers.ContentDisposition.FileName.Should().Be(name);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/catalog")]
    [InlineData("/usage")]
    public async Task Head_OnAPage_Answers200(string path)
    {
        var response = await host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task NotFound_AnswersOneLine()
    {
        var response = await host.Client.GetAsync("/no-such-page");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).Should().Be("not found: there is no page or API endpoint at this address\n");
    }

    [Fact]
    public async Task UnsupportedMediaType_AnswersTheApisErrorShape()
    {
        var response = await host.Client.PostAsync("/api/cost", new StringContent("model=gpt-audio-mini", System.Text.Encoding.UTF8, "text/plain"));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        json.RootElement.GetProperty("errors")[0].GetProperty("message").GetString().Should().StartWith("unsupported media type");
    }

    [Fact]
    public async Task OpenApi_DescribesUsdAsABareNumber_AndItsDescriptionsCarryNoHtmlEntities()
    {
        string text = await host.Client.GetStringAsync("/openapi.json");
        using var json = JsonDocument.Parse(text);

        var usd = json.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("Usd");
        usd.GetProperty("type").GetString().Should().Be("number");
        usd.TryGetProperty("properties", out _).Should().BeFalse();
        usd.GetProperty("description").GetString().Should().StartWith("exact decimal USD");
        text.Should().NotContain("&gt;").And.NotContain("&lt;");
    }

    [Theory]
    [InlineData("/api/price", "skip_invalid")]
    [InlineData("/api/simulate", "tier")]
    [InlineData("/api/reconcile", "costs")]
    [InlineData("/api/project/trace", "months")]
    public async Task OpenApi_DocumentsTheMultipartBodyOfEachUpload(string path, string part)
    {
        using var json = JsonDocument.Parse(await host.Client.GetStringAsync("/openapi.json"));

        var schema = json.RootElement.GetProperty("paths").GetProperty(path).GetProperty("post").GetProperty("requestBody")
            .GetProperty("content").GetProperty("multipart/form-data").GetProperty("schema");
        schema.GetProperty("properties").GetProperty("file").GetProperty("format").GetString().Should().Be("binary");
        schema.GetProperty("properties").TryGetProperty(part, out _).Should().BeTrue();
        schema.GetProperty("required").EnumerateArray().Select(e => e.GetString()).Should().Contain("file");
    }
}
