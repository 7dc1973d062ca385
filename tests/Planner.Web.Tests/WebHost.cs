using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;

namespace Planner.Web.Tests;

/// <summary>The web app in memory (TestServer) on the bundled catalog with a fixed clock; one per test class.</summary>
public sealed class WebHost : IAsyncLifetime
{
    /// <summary>The fixed "now" of every web test: 2026-12-01T12:00:00Z.</summary>
    public static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The bundled data folder, copied beside the test binaries.</summary>
    public static string DataDirectory => Path.Combine(AppContext.BaseDirectory, "data");

    private WebApplication? _app;

    /// <summary>The upload limit the tests run with, in MB (small, so a 413 needs only a few MB).</summary>
    public const int MaxUploadMegabytes = 2;

    public HttpClient Client { get; private set; } = null!;

    /// <summary>The options every test host uses.</summary>
    public static WebOptions Options(int port = 0) => new()
    {
        CatalogPath = Path.Combine(DataDirectory, "catalog.json"),
        Port = port,
        MaxUploadMegabytes = MaxUploadMegabytes,
        Clock = () => Now,
    };

    public async Task InitializeAsync()
    {
        _app = PlannerWeb.Build(Options(), builder => builder.WebHost.UseTestServer(), app =>
            app.MapGet("/test/fail", string () => throw new InvalidOperationException("secret detail\n   at Some.Stack.Frame()")));
        await _app.StartAsync();
        Client = _app.GetTestClient();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
