namespace Planner.Web.Tests.Pages;

/// <summary>A shared link with a typo in a field's name shows the error, never the default figures as if asked for.</summary>
public class UnknownFieldTests(WebHost host) : IClassFixture<WebHost>
{
    [Theory]
    [InlineData("/?model=gpt-audio-mini&audio_in_seconds=120&requets=10", "requets", "requests")]
    [InlineData("/projection?model=gpt-audio-mini&requests_per_day=1000&audio_in_seconds=60&monts=3", "monts", "months")]
    [InlineData("/calls?model=gpt-audio-mini&turns=3&user_audio_seconds=10&calls_per_dy=10", "calls_per_dy", "calls_per_day")]
    public async Task APage_AnUnknownField_IsNamedInTheBanner_WithTheFieldItResembles_AndNoFigures(string url, string typo, string near)
    {
        string html = await host.Client.GetStringAsync(url);

        html.Should().Contain($"unknown field &#39;{typo}&#39; (did you mean &#39;{near}&#39;?)");
        html.Should().Contain("class=\"banner bad\"");
        html.Should().NotContain("data-figure=");
    }

    [Theory]
    [InlineData("/?model=gpt-audio-mini&audio_in_seconds=x&audio_out_seconds=-5")]
    [InlineData("/projection?model=gpt-audio-mini&requests_per_day=1000&audio_in_seconds=x&audio_out_seconds=-5")]
    public async Task APage_AParseErrorAndAnOutOfRangeValue_AreBothShown(string url)
    {
        string html = await host.Client.GetStringAsync(url);

        html.Should().Contain("id=\"audio_in_seconds-error\"").And.Contain("id=\"audio_out_seconds-error\"");
    }
}
