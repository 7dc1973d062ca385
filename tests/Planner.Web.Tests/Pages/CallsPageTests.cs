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
    public async Task GivingTurnsAndMinutes_IsAnErrorBesideMinutes()
    {
        string html = await host.Client.GetStringAsync("/calls?model=gpt-audio-mini&turns=3&minutes=4&user_audio_seconds=10");

        html.Should().Contain("<span class=\"error\" id=\"minutes-error\" role=\"alert\">give turns or minutes, not both</span>");
    }
}
