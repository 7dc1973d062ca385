using System.Net;

namespace Planner.Web.Tests.Pages;

/// <summary>A refusal from Core that names a field shows beside that field's input, not in the top banner.</summary>
public class RefusalTests(WebHost host) : IClassFixture<WebHost>
{
    [Fact]
    public async Task CostPage_AComparedModelCoreRefuses_IsShownBesideCompare()
    {
        string html = await host.Client.GetStringAsync("/?model=gpt-audio-mini&audio_in_seconds=60&requests=10&compare=gpt-4o-audio-preview");

        html.Should().Contain("id=\"compare-error\"").And.Contain("aria-describedby=\"compare-hint compare-error\"");
        html.Should().NotContain("data-figure=");
    }

    [Fact]
    public async Task ProjectionPage_AMigrationTargetCoreRefuses_IsShownBesideMigrateTo()
    {
        string html = await host.Client.GetStringAsync("/projection?model=gpt-audio-mini&requests_per_day=1000&audio_in_seconds=60&months=12&migrate_to=gpt-4o-audio-preview");

        html.Should().Contain("<span class=\"error\" id=\"migrate_to-error\" role=\"alert\">gpt-4o-audio-preview cannot take");
        html.Should().NotContain("id=\"model-error\"");
    }

    [Fact]
    public async Task UsagePage_AnUnknownSample_IsNamedInTheBanner_NotBesideTheFileInput()
    {
        var response = await host.Client.GetAsync("/usage?sample=../..");
        string html = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        html.Should().NotContain("id=\"file-error\"");
        html.Should().Contain("sample: unknown sample &#39;../..&#39;");
    }

    [Fact]
    public async Task UsagePage_ATierTheSampleCannotUse_Answers400_AsABadToleranceDoes()
    {
        var tier = await host.Client.GetAsync("/usage?sample=voice-support-day&tier=free");
        var tolerance = await host.Client.GetAsync("/usage?sample=voice-support-day&tolerance=abc");

        tier.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        tolerance.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await tier.Content.ReadAsStringAsync()).Should().Contain("id=\"tier-error\"");
    }
}
