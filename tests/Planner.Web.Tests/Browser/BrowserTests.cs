using Microsoft.Playwright;

namespace Planner.Web.Tests.Browser;

/// <summary>End to end in a real headless Chromium: what a person sees and types.</summary>
public class BrowserTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task FillingTheCostForm_ShowsTheFigureWorkedByHand()
    {
        var (page, problems) = await host.NewPageAsync();
        await page.GotoAsync(host.BaseUrl);

        await page.GetByLabel("Model", new() { Exact = true }).SelectOptionAsync("gpt-audio");
        await page.GetByLabel("Audio in (s)").FillAsync("30");
        await page.GetByLabel("Audio out (s)").FillAsync("15");
        await page.GetByLabel("Requests per day").FillAsync("2000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Calculate" }).ClickAsync();

        // gpt-audio: 300 audio tokens in x $32/1M + 300 out x $64/1M = $0.0096 + $0.0192 = $0.0288 a request; x 2,000 = $57.60 a day.
        (await page.Locator("[data-figure=per_request]").InnerTextAsync()).Should().Be("$0.0288");
        (await page.Locator("[data-figure=per_day]").InnerTextAsync()).Should().Be("$57.60");
        (await page.Locator("[data-figure=per_month]").InnerTextAsync()).Should().Be("$1,728.00");
        page.Url.Should().Contain("model=gpt-audio&").And.Contain("audio_in_seconds=30");
        problems.Should().BeEmpty();
        await BrowserHost.ScreenshotAsync(page, "cost");
    }

    [Fact]
    public async Task ASharedUrl_ShowsTheSameFigures()
    {
        var (page, problems) = await host.NewPageAsync();
        await page.GotoAsync(host.BaseUrl + "?model=gpt-audio-mini&audio_in_seconds=120&audio_out_seconds=60&requests=1000&compare=gpt-audio");

        // 1,200 x $10/1M + 1,200 x $20/1M = $0.036; 1,000 a day = $36; 30 days = $1,080.
        (await page.Locator("[data-figure=per_request]").InnerTextAsync()).Should().Be("$0.036");
        (await page.Locator("[data-figure=per_month]").InnerTextAsync()).Should().Be("$1,080.00");
        (await page.GetByLabel("Audio in (s)").InputValueAsync()).Should().Be("120");
        (await page.Locator("#compare-h").InnerTextAsync()).Should().Be("Side by side");
        problems.Should().BeEmpty();
    }

    [Fact]
    public async Task UploadingTheSampleTrace_ShowsItsExactTotal()
    {
        var (page, problems) = await host.NewPageAsync();
        await page.GotoAsync(host.BaseUrl + "usage");

        await page.GetByLabel("Trace or usage export").SetInputFilesAsync(SampleTrace.Path);
        await page.GetByRole(AriaRole.Button, new() { Name = "Price it" }).ClickAsync();

        decimal total = SampleTrace.ExactTotal();
        (await page.Locator("[data-figure=total]").InnerTextAsync()).Should().Be(SampleTrace.Cents(total));
        (await page.Locator(".kpi.primary:has([data-figure=total]) .sub").InnerTextAsync()).Should().Be("exact: " + SampleTrace.Exact(total));
        problems.Should().BeEmpty();
        await BrowserHost.ScreenshotAsync(page, "usage");
    }

    [Fact]
    public async Task ABadValue_ShowsTheMessageBesideTheField()
    {
        var (page, _) = await host.NewPageAsync();
        await page.GotoAsync(host.BaseUrl);

        await page.GetByLabel("Audio in (s)").FillAsync("two minutes");
        await page.GetByRole(AriaRole.Button, new() { Name = "Calculate" }).ClickAsync();

        var input = page.GetByLabel("Audio in (s)");
        (await input.GetAttributeAsync("aria-invalid")).Should().Be("true");
        var error = page.Locator("#audio_in_seconds-error");
        (await error.InnerTextAsync()).Should().Be("audio_in_seconds must be a number, got 'two minutes'");
        // Beside the field: inside the same .field box, right under the input.
        (await page.Locator(".field:has(#audio_in_seconds) .error").CountAsync()).Should().Be(1);
        (await page.Locator("[data-figure]").CountAsync()).Should().Be(0);
        await BrowserHost.ScreenshotAsync(page, "cost-error");
    }

    [Fact]
    public async Task TheFanChart_ShowsAMonthsPercentilesOnHoverAndFromTheKeyboard()
    {
        var (page, problems) = await host.NewPageAsync();
        await page.GotoAsync(host.BaseUrl + "projection?model=gpt-audio-1.5&requests_per_day=1000&requests_per_day_sd=0&audio_in_seconds=60&months=3&growth=0");

        var chart = page.Locator(".chart");
        await chart.FocusAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        string tip = await page.Locator(".chart .tip").InnerTextAsync();

        // Exact (no spread): 1,000 x 30 x 600 audio tokens x $32/1M = $576 a month at every percentile.
        tip.Should().Contain("Month 2").And.Contain("P10 $576.00").And.Contain("P50 $576.00").And.Contain("P90 $576.00");
        var box = await chart.BoundingBoxAsync();
        await page.Mouse.MoveAsync(box!.X + (box.Width * 0.08f), box.Y + (box.Height / 2));
        (await page.Locator(".chart .tip").InnerTextAsync()).Should().Contain("Month 1");
        problems.Should().BeEmpty();
    }

    [Theory]
    [InlineData("", "cost-page")]
    [InlineData("calls", "calls")]
    [InlineData("projection", "projection")]
    [InlineData("usage?sample=voice-support-day", "usage-sample")]
    [InlineData("catalog", "catalog")]
    public async Task EveryPage_RendersWithItsOwnAssetsOnly_AndIsScreenshotted(string path, string name)
    {
        var (page, problems) = await host.NewPageAsync();
        var response = await page.GotoAsync(host.BaseUrl + path);

        response!.Status.Should().Be(200);
        (await page.Locator("nav a[aria-current=page]").CountAsync()).Should().Be(1);
        // The stylesheet applied (CSP allowed it): the header is dark.
        (await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('header.top')).backgroundColor")).Should().Be("rgb(15, 23, 42)");
        problems.Should().BeEmpty();
        await BrowserHost.ScreenshotAsync(page, name);

        // The README's screenshots: PLANNER_DOCS_SCREENSHOTS=docs dotnet test tests/Planner.Web.Tests --filter EveryPage (docs/web.md).
        if (Environment.GetEnvironmentVariable("PLANNER_DOCS_SCREENSHOTS") is { Length: > 0 } docs && name is "cost-page" or "projection" or "usage-sample")
        {
            await page.SetViewportSizeAsync(1280, 1100);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetFullPath(docs), $"web-{name.Replace("-page", "", StringComparison.Ordinal).Replace("-sample", "", StringComparison.Ordinal)}.png") });
        }
    }

    [Fact]
    public async Task TheKeyboard_ReachesTheFormInOrder()
    {
        var (page, _) = await host.NewPageAsync();
        await page.GotoAsync(host.BaseUrl);
        var order = new List<string>();
        for (int i = 0; i < 16; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            order.Add(await page.EvaluateAsync<string>("document.activeElement.id || document.activeElement.textContent.trim()"));
        }

        order.Should().ContainInOrder("model", "audio_in_seconds", "audio_out_seconds", "text_in", "text_out", "cached_in", "requests", "compare", "at");
    }
}
