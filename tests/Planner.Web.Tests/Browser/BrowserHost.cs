using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;

namespace Planner.Web.Tests.Browser;

/// <summary>The web app on a real Kestrel port and the system's headless Chromium (Debian's <c>chromium</c> package;
/// .ci/run installs it; Playwright downloads nothing).</summary>
public sealed class BrowserHost : IAsyncLifetime
{
    /// <summary>The system Chromium.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private WebApplication? _app;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>"http://127.0.0.1:PORT/".</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>Where the screenshots go: the test output folder's screenshots/.</summary>
    public static string ScreenshotDirectory { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: install it with `apt-get install -y chromium` (.ci/run does)");
        }

        _app = PlannerWeb.Build(WebHost.Options(port: 0));
        await _app.StartAsync();
        BaseUrl = PlannerWeb.Address(_app);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"],
        });
    }

    /// <summary>A new page at 1280x900 that records every console error and every request to another host.</summary>
    public async Task<(IPage Page, List<string> Problems)> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, ColorScheme = ColorScheme.Light });
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                problems.Add("console: " + message.Text);
            }
        };
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(BaseUrl, StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                problems.Add("request to another host: " + request.Url);
            }
        };
        return (page, problems);
    }

    /// <summary>Saves a full-page screenshot in the test output folder (and returns its path).</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        string path = Path.Combine(ScreenshotDirectory, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
