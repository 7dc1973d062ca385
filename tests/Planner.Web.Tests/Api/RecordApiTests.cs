using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Planner.Web.Tests.Api;

public class RecordApiTests(WebHost host) : IClassFixture<WebHost>
{
    [Fact]
    public async Task Compare_TakesModelsCommaSeparated_AndAnswersEachModelsExactCost()
    {
        using var json = JsonDocument.Parse(await host.Client.GetStringAsync("/api/compare?models=gpt-audio-mini,gpt-audio&audio_in_seconds=120&audio_out_seconds=60"));
        string text = json.RootElement.GetRawText();

        // gpt-audio-mini: 1,200 x $10/1M + 1,200 x $20/1M = $0.036; gpt-audio: 1,200 x $32/1M + 1,200 x $64/1M = $0.1152.
        text.Should().Contain("0.036").And.Contain("0.1152");
    }

    [Fact]
    public async Task Call_AnswersTheCallRecord_TurnByTurnCostsByHand()
    {
        using var json = JsonDocument.Parse(await host.Client.GetStringAsync("/api/call?model=gpt-audio-mini&turns=2&user_audio_seconds=10&assistant_audio_seconds=5&at=2026-12-01"));

        // 10 s of user audio at 10 tokens/s = 100 tokens; 5 s of assistant audio at 20 tokens/s = 100 tokens. Turn 2 resends
        // turn 1's 200 tokens as input. gpt-audio-mini: audio in $10 / 1M, audio out $20 / 1M.
        decimal turn1 = ((100 * 10.00m) + (100 * 20.00m)) / 1_000_000;
        decimal turn2 = ((300 * 10.00m) + (100 * 20.00m)) / 1_000_000;
        var turns = json.RootElement.GetProperty("turns");
        turns.GetArrayLength().Should().Be(2);
        turns[1].GetProperty("total_usd").GetDecimal().Should().Be(turn2);
        json.RootElement.GetProperty("total_usd").GetDecimal().Should().Be(turn1 + turn2);
    }

    [Fact]
    public async Task Call_BadFields_AnswersEveryOneByName()
    {
        var response = await host.Client.GetAsync("/api/call?turns=0&cache_hit=2");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        json.RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).Should().Equal("model", "turns", "cache_hit");
    }

    [Fact]
    public async Task Models_AnswersEveryModelOfTheCatalog()
    {
        using var json = JsonDocument.Parse(await host.Client.GetStringAsync("/api/models"));

        json.RootElement.GetRawText().Should().Contain("\"gpt-realtime-2.1-mini\"").And.Contain("\"gpt-audio-1.5\"");
    }

    [Fact]
    public async Task Price_StreamsAMultipartUpload_AndAnswersThePriceRecordNamedAsUploaded()
    {
        using var content = new MultipartFormDataContent();
        var file = new StreamContent(File.OpenRead(SampleTrace.Path));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(file, "file", "voice-support-day.csv");

        var response = await host.Client.PostAsync("/api/price", content);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        json.RootElement.GetProperty("total_usd").GetDecimal().Should().Be(SampleTrace.ExactTotal());
        json.RootElement.GetProperty("trace").GetString().Should().Be("voice-support-day.csv");
    }

    [Fact]
    public async Task Price_ABadFile_Answers400WithTheFileLineAndField()
    {
        using var content = new MultipartFormDataContent { { new ByteArrayContent("timestamp,model,output_audio_tokens\n2026-01-15T09:00:00Z,gpt-audio-mini,-5\n"u8.ToArray()), "file", "day.csv" } };

        var response = await host.Client.PostAsync("/api/price", content);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        json.RootElement.GetProperty("errors")[0].GetProperty("message").GetString().Should().StartWith("day.csv:2: output_audio_tokens: ");
    }

    [Fact]
    public async Task Price_AnUploadOverTheLimit_Answers413()
    {
        using var content = new MultipartFormDataContent { { new ByteArrayContent(new byte[3 * 1024 * 1024]), "file", "zeros.csv" } };

        var response = await host.Client.PostAsync("/api/price", content);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Simulate_TakesTheQueryFieldsBesideTheFile()
    {
        using var content = new MultipartFormDataContent
        {
            { new StringContent("bogus-tier"), "tier" },
            { new ByteArrayContent(File.ReadAllBytes(SampleTrace.Path)), "file", "voice-support-day.csv" },
        };

        var response = await host.Client.PostAsync("/api/simulate", content);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("bogus-tier");
    }
    [Theory]
    [InlineData("/api/price", "")]
    [InlineData("/api/simulate", "")]
    [InlineData("/api/recommend", "")]
    [InlineData("/api/project/trace", "")]
    [InlineData("/api/price", "?bogus=1")]
    public async Task Uploads_AnUnknownField_Answers400NamingIt(string path, string queryString)
    {
        using var content = new MultipartFormDataContent();
        if (queryString.Length == 0)
        {
            content.Add(new StringContent("1"), "bogus");
        }

        content.Add(new ByteArrayContent(File.ReadAllBytes(SampleTrace.Path)), "file", "voice-support-day.csv");

        var response = await host.Client.PostAsync(path + queryString, content);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var error = json.RootElement.GetProperty("errors").EnumerateArray().Single(e => e.GetProperty("field").GetString() == "bogus");
        error.GetProperty("message").GetString().Should().StartWith("unknown field 'bogus'");
    }

    [Fact]
    public async Task Reconcile_AnUnknownField_Answers400NamingIt()
    {
        using var content = new MultipartFormDataContent
        {
            { new StringContent("1"), "bogus" },
            { new ByteArrayContent(File.ReadAllBytes(SampleTrace.Path)), "file", "voice-support-day.csv" },
        };

        var response = await host.Client.PostAsync("/api/reconcile", content);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        json.RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).Should().Contain("bogus");
    }

    [Fact]
    public async Task Cost_AParseErrorAndAnOutOfRangeValue_AreBothReported()
    {
        var response = await host.Client.GetAsync("/api/cost?model=gpt-realtime&audio_in_seconds=x&audio_out_seconds=-5");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var fields = json.RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToList();
        fields.Should().Contain("audio_out_seconds");
        fields.Where(f => f == "audio_in_seconds").Should().ContainSingle();
    }
}
