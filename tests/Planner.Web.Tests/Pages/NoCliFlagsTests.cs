using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Planner.Web.Tests.Pages;

/// <summary>The web names fields, never the CLI's flags: no reason, assumption or warning a page or an API record shows
/// for the bundled data says "--" followed by a letter (Core and the contract name fields in snake_case; the CLI alone
/// turns them into flags).</summary>
public partial class NoCliFlagsTests(WebHost host) : IClassFixture<WebHost>
{
    [GeneratedRegex("--[a-z]")]
    private static partial Regex Flag();

    [Theory]
    [InlineData("/")]
    [InlineData("/?model=gpt-audio&audio_in_seconds=30&requests=10&compare=gpt-audio-mini,gpt-realtime-2.1-mini")]
    [InlineData("/calls")]
    [InlineData("/calls?model=gpt-audio-mini&turns=4&user_audio_seconds=10&assistant_audio_seconds=5&calls_per_day=100")]
    [InlineData("/projection")]
    [InlineData("/catalog")]
    [InlineData("/usage?sample=voice-support-day")]
    [InlineData("/usage?sample=voice-support-day&tier=1")]
    public async Task APage_ShowsNoCliFlag(string path)
    {
        string html = await host.Client.GetStringAsync(path);
        // The prose a page shows: its text outside tags and data: links (base64 has no "--").
        string text = Regex.Replace(Regex.Replace(html, "href=\"data:[^\"]*\"", ""), "<[^>]*>", " ");

        Flag().Matches(text).Select(m => text.Substring(Math.Max(0, m.Index - 60), Math.Min(100, text.Length - Math.Max(0, m.Index - 60)))).Should().BeEmpty();
    }

    [Theory]
    [InlineData("/api/cost?model=gpt-audio&audio_in_seconds=30&requests=10")]
    [InlineData("/api/compare?models=gpt-audio,gpt-audio-mini,gpt-realtime-2.1-mini&audio_in_seconds=30")]
    [InlineData("/api/call?model=gpt-realtime-2.1-mini&minutes=4&user_audio_seconds=10&assistant_audio_seconds=20")]
    [InlineData("/api/capacity?model=gpt-audio-mini&audio_in_seconds=30&tier=build")]
    [InlineData("/api/capacity/calls?model=gpt-realtime-2.1-mini&turns=4&user_audio_seconds=10&concurrent_calls=50")]
    [InlineData("/api/conversation?model=gpt-audio-mini&turns=4&user_audio_seconds=10&assistant_audio_seconds=5")]
    public async Task AnApiRecord_ShowsNoCliFlag(string path)
    {
        using var json = JsonDocument.Parse(await host.Client.GetStringAsync(path));

        Prose(json.RootElement).Where(t => Flag().IsMatch(t)).Should().BeEmpty();
    }

    [Theory]
    [InlineData("/api/price", null)]
    [InlineData("/api/simulate", "2")]
    [InlineData("/api/recommend", null)]
    public async Task AFileRecord_ShowsNoCliFlag(string path, string? tier)
    {
        using var content = new MultipartFormDataContent();
        if (tier is not null)
        {
            content.Add(new StringContent(tier), "tier");
        }

        var file = new ByteArrayContent(await File.ReadAllBytesAsync(SampleTrace.Path));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(file, "file", "voice-support-day.csv");
        using var json = JsonDocument.Parse(await (await host.Client.PostAsync(path, content)).Content.ReadAsStringAsync());

        Prose(json.RootElement).Should().NotBeEmpty();
        Prose(json.RootElement).Where(t => Flag().IsMatch(t)).Should().BeEmpty();
    }

    /// <summary>Every "why", "message", "reason" and "headline" string in a record, at any depth.</summary>
    private static List<string> Prose(JsonElement element)
    {
        var found = new List<string>();
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var member in element.EnumerateObject())
            {
                if (member.Name is "why" or "message" or "reason" or "headline" && member.Value.ValueKind == JsonValueKind.String)
                {
                    found.Add(member.Value.GetString()!);
                }
                else
                {
                    found.AddRange(Prose(member.Value));
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                found.AddRange(Prose(item));
            }
        }

        return found;
    }
}
