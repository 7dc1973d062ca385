using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Playwright;
using Planner.Web.Tests.Pages;

namespace Planner.Web.Tests.Browser;

/// <summary>The Your usage page in a real headless Chromium: uploads from the file inputs, a tier from the select, the
/// figures read from the page as a person (or a screen reader) finds them by their labels and headings.</summary>
public class UsageBrowserTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task UploadingTheSample_AtAChosenTier_ShowsItsP99AndTheRecommendedTier()
    {
        var (page, problems) = await host.NewPageAsync();
        await page.GotoAsync(host.BaseUrl + "usage");

        await page.GetByLabel("Tier to simulate").SelectOptionAsync("1");
        await page.GetByLabel("Trace or usage export").SetInputFilesAsync(SampleTrace.Path);
        await page.GetByRole(AriaRole.Button, new() { Name = "Price it" }).ClickAsync();

        // The same figures as the API's records (the CLI's --json) for the same file and tier.
        using var simulated = await Record("api/simulate", "1");
        using var recommended = await Record("api/recommend", null);
        double p99 = simulated.RootElement.GetProperty("queue_delay_seconds").GetProperty("p99").GetDouble();
        (await page.GetByRole(AriaRole.Heading, new() { Name = "Simulation at Tier 1" }).CountAsync()).Should().Be(1);
        (await page.Locator("[data-figure=p99]").InnerTextAsync()).Should().Be(p99.ToString("#,0.#", System.Globalization.CultureInfo.InvariantCulture) + " s");
        p99.Should().BeGreaterThan(1, "tier 1's 30,000 TPM cannot carry the sample's 10:00 peak without a queue");
        (await page.Locator("[data-figure=recommended_tier]").InnerTextAsync()).Should().Be(recommended.RootElement.GetProperty("recommended_tier_name").GetString());
        (await page.GetByRole(AriaRole.Img, new() { Name = "Requests and TPM tokens admitted per minute" }).CountAsync()).Should().Be(1);
        (await page.Locator("[data-figure=total]").InnerTextAsync()).Should().Be(SampleTrace.Cents(SampleTrace.ExactTotal()));
        problems.Should().BeEmpty();
        await page.SetViewportSizeAsync(1280, 900);
        await BrowserHost.ScreenshotAsync(page, "usage-simulated");
    }

    [Fact]
    public async Task UploadingACostsExport_ShowsTheDifferenceRow()
    {
        string costs = Path.Combine(Path.GetTempPath(), $"planner-costs-{Guid.NewGuid():N}.json");
        string trace = Path.Combine(Path.GetTempPath(), $"planner-three-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(costs, UsageAnalysisTests.Costs);
        await File.WriteAllTextAsync(trace, UsageAnalysisTests.Trace);
        try
        {
            var (page, problems) = await host.NewPageAsync();
            await page.GotoAsync(host.BaseUrl + "usage");

            await page.GetByLabel("Costs export (optional)").SetInputFilesAsync(costs);
            await page.GetByLabel("Trace or usage export").SetInputFilesAsync(trace);
            await page.GetByRole(AriaRole.Button, new() { Name = "Price it" }).ClickAsync();

            // Output: billed $0.05; Planner 3 x 100 tokens x $2.40/1M = $0.00072; the difference $0.04928 is over $0.01.
            var row = page.Locator("tr[data-row=line_item]", new() { HasText = "Text output" });
            (await row.Locator("[data-figure=difference]").InnerTextAsync()).Should().Be("$" + (0.05m - (300 * 2.40m / 1_000_000)).ToString(System.Globalization.CultureInfo.InvariantCulture));
            (await row.InnerTextAsync()).Should().Contain("no");
            (await page.Locator("[data-figure=reconcile_difference]").InnerTextAsync()).Should().Be("$0.05128");
            problems.Should().BeEmpty();
            await BrowserHost.ScreenshotAsync(page, "usage-reconciled");
        }
        finally
        {
            File.Delete(costs);
            File.Delete(trace);
        }
    }

    [Fact]
    public async Task ABadCostsExport_ShowsTheMessageBesideItsInput()
    {
        string costs = Path.Combine(Path.GetTempPath(), $"planner-bad-costs-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(costs, "{\"object\": \"page\", \"data\": 3}");
        try
        {
            var (page, _) = await host.NewPageAsync();
            await page.GotoAsync(host.BaseUrl + "usage");

            await page.GetByLabel("Costs export (optional)").SetInputFilesAsync(costs);
            await page.GetByLabel("Trace or usage export").SetInputFilesAsync(SampleTrace.Path);
            await page.GetByRole(AriaRole.Button, new() { Name = "Price it" }).ClickAsync();

            var input = page.GetByLabel("Costs export (optional)");
            (await input.GetAttributeAsync("aria-invalid")).Should().Be("true");
            (await page.Locator(".field:has(#costs) .error").InnerTextAsync()).Should().Contain(":1: data: must be an array of buckets");
        }
        finally
        {
            File.Delete(costs);
        }
    }

    private async Task<JsonDocument> Record(string path, string? tier)
    {
        using var client = new HttpClient();
        using var content = new MultipartFormDataContent();
        if (tier is not null)
        {
            content.Add(new StringContent(tier), "tier");
        }

        var file = new ByteArrayContent(await File.ReadAllBytesAsync(SampleTrace.Path));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(file, "file", "voice-support-day.csv");
        var response = await client.PostAsync(host.BaseUrl + path, content);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}
