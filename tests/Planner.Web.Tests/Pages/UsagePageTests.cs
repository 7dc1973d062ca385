using System.Net;
using System.Net.Http.Headers;

namespace Planner.Web.Tests.Pages;

public class UsagePageTests(WebHost host) : IClassFixture<WebHost>
{
    private static MultipartFormDataContent Upload(byte[] bytes, string name)
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(file, "file", name);
        return content;
    }

    [Fact]
    public async Task UploadingTheSampleTrace_ShowsItsExactTotal()
    {
        var response = await host.Client.PostAsync("/usage", Upload(await File.ReadAllBytesAsync(SampleTrace.Path), "voice-support-day.csv"));
        string html = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        html.Should().Contain($"data-figure=\"total\">{SampleTrace.Cents(SampleTrace.ExactTotal())}<");
        html.Should().Contain($"exact: {SampleTrace.Exact(SampleTrace.ExactTotal())}<");
        html.Should().Contain("data-figure=\"requests\">4,000<");
    }

    [Fact]
    public async Task ABadRow_Answers400WithTheFileLineAndField_BesideTheInput()
    {
        byte[] bad = "timestamp,model,input_text_tokens\n2026-01-15T09:00:00Z,gpt-audio-mini,10\n2026-01-15T09:00:01Z,gpt-audio-mini,abc\n"u8.ToArray();

        var response = await host.Client.PostAsync("/usage", Upload(bad, "../../secret/day.csv"));
        string html = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        html.Should().Contain("<span class=\"error\" id=\"file-error\" role=\"alert\">day.csv:3: input_text_tokens: must be a whole number &gt;= 0, got &#39;abc&#39;</span>");
        html.Should().NotContain("secret").And.NotContain("/tmp").And.NotContain("planner-upload");
    }

    [Fact]
    public async Task AFileOfNoKnownFormat_Answers400NamingTheUploadNotATempPath()
    {
        var response = await host.Client.PostAsync("/usage", Upload("{\"hello\": 1}\n"u8.ToArray(), "notes.json"));
        string html = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        html.Should().Contain("notes.json").And.NotContain("planner-upload").And.NotContain(Path.GetTempPath());
    }

    [Fact]
    public async Task AnUploadOverTheLimit_Answers413WithThePage_AndTheLimitBesideTheFileInput()
    {
        // The test host's limit is 2 MB: a valid header and 3 MB of rows.
        var rows = new System.Text.StringBuilder("timestamp,model,input_text_tokens\n");
        while (rows.Length < 3 * 1024 * 1024)
        {
            rows.Append("2026-01-15T09:00:00Z,gpt-audio-mini,10\n");
        }

        var response = await host.Client.PostAsync("/usage", Upload(System.Text.Encoding.UTF8.GetBytes(rows.ToString()), "big.csv"));
        string body = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        body.Should().Contain("<span class=\"error\" id=\"file-error\" role=\"alert\">the upload is larger than the server&#39;s upload limit, 2 MB</span>");
        body.Should().NotContain("--max-upload-mb");
    }

    [Fact]
    public async Task TheSampleLink_ShowsTheSameTotal_AndNoOtherFileCanBeNamed()
    {
        string html = await host.Client.GetStringAsync("/usage?sample=voice-support-day");
        var other = await host.Client.GetAsync("/usage?sample=../catalog.json");

        html.Should().Contain($"data-figure=\"total\">{SampleTrace.Cents(SampleTrace.ExactTotal())}<");
        other.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }
}
