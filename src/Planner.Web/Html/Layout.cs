using System.Text;
using Planner.Web.Hosting;
using static Planner.Web.Html.Html;

namespace Planner.Web.Html;

/// <summary>The frame of every page: the header with the five pages, the main column, the footer.</summary>
public static class Layout
{
    /// <summary>The pages in the header, in order: path, label.</summary>
    public static IReadOnlyList<(string Path, string Label)> Pages { get; } =
    [
        ("/", "Cost"),
        ("/calls", "Calls"),
        ("/projection", "Projection"),
        ("/usage", "Your usage"),
        ("/catalog", "Catalog"),
    ];

    /// <summary>A whole HTML document around <paramref name="main"/>.</summary>
    public static string Document(string title, string activePath, string lead, string main, Site site)
    {
        ArgumentNullException.ThrowIfNull(site);
        var html = new StringBuilder(main.Length + 4096);
        html.Append($"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{E(title)} · Planner</title>
            <link rel="icon" href="{Assets.Url("icon.svg")}" type="image/svg+xml">
            <link rel="stylesheet" href="{Assets.Url("site.css")}">
            <script src="{Assets.Url("fan.js")}" defer></script>
            </head>
            <body>
            <a class="skip" href="#main">Skip to content</a>
            <header class="top">
            <div class="top-inner">
            <a class="brand" href="/"><img src="{Assets.Url("icon.svg")}" alt="" width="26" height="26"><span>Planner</span></a>
            <nav aria-label="Pages"><ul>
            """);
        foreach (var (path, label) in Pages)
        {
            bool active = path == activePath;
            html.Append($"<li><a href=\"{path}\"{(active ? " aria-current=\"page\" class=\"active\"" : "")}>{E(label)}</a></li>");
        }

        html.Append($"""
            </ul></nav>
            </div>
            </header>
            <main id="main" tabindex="-1">
            <div class="intro"><h1>{E(title)}</h1><p class="lead">{E(lead)}</p></div>
            {main}
            </main>
            <footer class="foot"><div class="foot-inner">
            <span>Catalog {E(site.Catalog.Version ?? "bundled")} · {site.Catalog.Models.Count} models · prices in USD, exact to the picodollar</span>
            <span><a href="/catalog">Sources</a> · <a href="/openapi.json">API (OpenAPI)</a></span>
            </div></footer>
            </body>
            </html>
            """);
        return html.ToString();
    }
}
