using System.Net;

namespace Planner.Web.Tests.Hosting;

public class SafetyTests(WebHost host) : IClassFixture<WebHost>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/catalog")]
    [InlineData("/assets/site.css")]
    [InlineData("/no-such-page")]
    public async Task EveryResponse_CarriesAContentSecurityPolicyOfSelfOnly(string path)
    {
        var response = await host.Client.GetAsync(path);

        string policy = response.Headers.GetValues("Content-Security-Policy").Single();
        policy.Should().Contain("default-src 'self'").And.Contain("script-src 'self'").And.Contain("style-src 'self'");
        policy.Should().NotContain("unsafe-inline").And.NotContain("http:").And.NotContain("https:");
        response.Headers.GetValues("X-Content-Type-Options").Single().Should().Be("nosniff");
    }

    [Theory]
    [InlineData("/api/cost?model=nope")]
    [InlineData("/test/fail")]
    [InlineData("/no-such-page")]
    public async Task ErrorResponses_KeepTheSecurityHeaders(string path)
    {
        var response = await host.Client.GetAsync(path);

        ((int)response.StatusCode).Should().BeGreaterThanOrEqualTo(400);
        response.Headers.GetValues("Content-Security-Policy").Single().Should().Be(Planner.Web.Hosting.SecurityHeaders.ContentSecurityPolicy);
        response.Headers.GetValues("X-Content-Type-Options").Single().Should().Be("nosniff");
        response.Headers.GetValues("X-Frame-Options").Single().Should().Be("DENY");
    }

    [Fact]
    public async Task ABadFileUpload_Answers400WithTheSecurityHeaders()
    {
        using var content = new MultipartFormDataContent { { new ByteArrayContent("timestamp,model,output_audio_tokens\n2026-01-15T09:00:00Z,gpt-audio-mini,-5\n"u8.ToArray()), "file", "day.csv" } };

        var response = await host.Client.PostAsync("/api/price", content);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Headers.GetValues("Content-Security-Policy").Single().Should().Be(Planner.Web.Hosting.SecurityHeaders.ContentSecurityPolicy);
        response.Headers.GetValues("X-Frame-Options").Single().Should().Be("DENY");
    }

    [Theory]
    [InlineData("/assets/..%2F..%2Fdata%2Fcatalog.json")]
    [InlineData("/assets/../catalog.json")]
    [InlineData("/assets/Planner.Web.dll")]
    [InlineData("/data/catalog.json")]
    [InlineData("/catalog.json")]
    [InlineData("/%2Fetc%2Fpasswd")]
    public async Task NoRequest_CanNameAFileOnTheServer(string path)
    {
        var response = await host.Client.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).Should().NotContain("\"models\"");
    }

    [Fact]
    public async Task Assets_AreServedFromTheAssembly()
    {
        var css = await host.Client.GetAsync("/assets/site.css");
        var js = await host.Client.GetAsync("/assets/fan.js");

        css.StatusCode.Should().Be(HttpStatusCode.OK);
        css.Content.Headers.ContentType!.MediaType.Should().Be("text/css");
        (await css.Content.ReadAsStringAsync()).Should().Contain(".kpi");
        js.Content.Headers.ContentType!.MediaType.Should().Be("text/javascript");
    }

    [Fact]
    public async Task Pages_LoadNothingFromAnotherHost()
    {
        string html = await host.Client.GetStringAsync("/");

        html.Should().NotContainAny("src=\"http", "href=\"http", "src=\"//", "href=\"//", "<style", " style=\"", "<script>");
    }

    [Fact]
    public async Task AnInternalError_AnswersOneLineWithoutTheStackOrTheMessage()
    {
        var response = await host.Client.GetAsync("/test/fail");
        string body = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        body.Should().Be("internal error (InvalidOperationException)\n");
        body.Should().NotContain("secret").And.NotContain(" at ");
    }
}
