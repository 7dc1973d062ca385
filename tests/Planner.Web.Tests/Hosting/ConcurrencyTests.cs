using System.Net;
using System.Text.Json;

namespace Planner.Web.Tests.Hosting;

public class ConcurrencyTests(WebHost host) : IClassFixture<WebHost>
{
    [Fact]
    public async Task FiftyConcurrentMixedRequests_EachGetTheirOwnAnswer()
    {
        // Request i prices i+1 seconds of audio in on gpt-audio-mini: 10 tokens/s x $10/1M = $0.0001 a second.
        var tasks = Enumerable.Range(0, 50).Select(async i =>
        {
            switch (i % 5)
            {
                case 0:
                {
                    using var json = JsonDocument.Parse(await host.Client.GetStringAsync($"/api/cost?model=gpt-audio-mini&audio_in_seconds={i + 1}"));
                    json.RootElement.GetProperty("per_request_usd").GetDecimal().Should().Be((i + 1) * 10 * 10m / 1_000_000, $"request {i}");
                    break;
                }

                case 1:
                {
                    string html = await host.Client.GetStringAsync($"/?model=gpt-audio-mini&audio_in_seconds={i + 1}&requests=1");
                    html.Should().Contain($"exact: ${(i + 1) * 10 * 10m / 1_000_000:0.#######}<", $"request {i}");
                    break;
                }

                case 2:
                {
                    var response = await host.Client.GetAsync($"/api/cost?model=gpt-audio-mini&audio_in_seconds=-{i}");
                    response.StatusCode.Should().Be(HttpStatusCode.BadRequest, $"request {i}");
                    (await response.Content.ReadAsStringAsync()).Should().Contain("audio_in_seconds");
                    break;
                }

                case 3:
                {
                    string csv = await host.Client.GetStringAsync($"/projection.csv?model=gpt-audio-1.5&requests_per_day={(i + 1) * 10}&audio_in_seconds=60&requests_per_day_sd=0&months=2&growth=0&budget=");
                    // Exact: (i+1) x 10 requests a day x 30 days x 600 audio tokens x $32/1M (gpt-audio-1.5's audio input).
                    decimal month = (i + 1) * 10 * 30 * 600 * 32m / 1_000_000;
                    csv.Split('\n')[1].Split(',')[3].Should().Be(month.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture), $"request {i}");
                    break;
                }

                default:
                {
                    string html = await host.Client.GetStringAsync("/catalog");
                    html.Should().Contain("gpt-realtime-2.1-mini");
                    break;
                }
            }
        });

        await Task.WhenAll(tasks);
    }
}
