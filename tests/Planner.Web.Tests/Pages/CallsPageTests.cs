using System.Text.RegularExpressions;

namespace Planner.Web.Tests.Pages;

public class CallsPageTests(WebHost host) : IClassFixture<WebHost>
{
    [Fact]
    public async Task OneTurnCall_OnChatCompletions_CostsItsAudio_WorkedByHand()
    {
        string html = await host.Client.GetStringAsync("/calls?model=gpt-audio-mini&turns=1&user_audio_seconds=10&assistant_audio_seconds=20&system_text_tokens=0&calls_per_day=1000");

        // 10 s x 10 tokens/s x $10/1M + 20 s x 20 tokens/s x $20/1M = $0.001 + $0.008 = $0.009 a call; 1,000 a day = $9.
        Regex.Match(html, "data-figure=\"per_call\">([^<]*)<").Groups[1].Value.Should().Be("$0.009");
        Regex.Match(html, "data-figure=\"per_day\">([^<]*)<").Groups[1].Value.Should().Be("$9.00");
        Regex.Match(html, "data-figure=\"per_month\">([^<]*)<").Groups[1].Value.Should().Be("$270.00");
        // Half a minute a call (30 s): $0.009 / 0.5 = $0.018 a minute.
        Regex.Match(html, "data-figure=\"per_minute\">([^<]*)<").Groups[1].Value.Should().Be("$0.018");
        html.Should().Contain("data-figure=\"tier\">");
    }

    [Fact]
    public async Task GivingTurnsAndMinutes_IsTheContractsErrorBesideTurns()
    {
        string html = await host.Client.GetStringAsync("/calls?model=gpt-audio-mini&turns=3&minutes=4&user_audio_seconds=10");

        html.Should().Contain("<span class=\"error\" id=\"turns-error\" role=\"alert\">give turns or minutes, not both</span>");
    }

    [Fact]
    public async Task EveryFieldError_IsTheContractsMessage_BesideItsField()
    {
        string html = await host.Client.GetStringAsync("/calls?model=gpt-audio-mini&turns=0&cache_hit=2&calls_per_day=10");

        html.Should().Contain("<span class=\"error\" id=\"turns-error\" role=\"alert\">turns must be 1 to 100,000, got 0</span>");
        html.Should().Contain("<span class=\"error\" id=\"cache_hit-error\" role=\"alert\">cache_hit must be 0 to 1, got 2</span>");
    }

    [Fact]
    public async Task TheFirstVisit_ShowsTheCallRecordOfTheApi()
    {
        string html = await host.Client.GetStringAsync("/calls");
        using var json = System.Text.Json.JsonDocument.Parse(await host.Client.GetStringAsync("/api/call?model=gpt-realtime-2.1-mini&minutes=4&user_audio_seconds=10&assistant_audio_seconds=20&system_text_tokens=500"));
        decimal total = json.RootElement.GetProperty("total_usd").GetDecimal();
        string csv = await host.Client.GetStringAsync("/calls.csv?model=gpt-realtime-2.1-mini&minutes=4&user_audio_seconds=10&assistant_audio_seconds=20&system_text_tokens=500&calls_per_day=20000");

        csv.Should().Contain($"\ncall,,").And.Contain($",{total.ToString(System.Globalization.CultureInfo.InvariantCulture).TrimEnd('0')},\n");
        csv.Should().Contain($"\nday,,,,{(total * 20_000).ToString(System.Globalization.CultureInfo.InvariantCulture).TrimEnd('0').TrimEnd('.')},\n");
        html.Should().Contain($"{json.RootElement.GetProperty("turn_count").GetInt32()} turns");
    }
}
