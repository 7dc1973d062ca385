using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Planner.Web.Pages;

/// <summary>The HTML pages and their downloads. Every page is a GET whose query string is its whole state.</summary>
public static class PageEndpoints
{
    /// <summary>Pages answer HEAD as GET (a link checker's probe), without the body.</summary>
    private static readonly string[] GetAndHead = ["GET", "HEAD"];

    internal static void Map(WebApplication app)
    {
        app.MapMethods("/", GetAndHead, (Site site, HttpRequest request) => Page(CostPage.Render(site, request.Query))).ExcludeFromDescription();
        app.MapMethods("/catalog", GetAndHead, (Site site) => Page(CatalogPage.Render(site))).ExcludeFromDescription();
        app.MapMethods("/projection", GetAndHead, (Site site, HttpRequest request) => Page(ProjectionPage.Render(site, request.Query))).ExcludeFromDescription();
        app.MapMethods("/projection.csv", GetAndHead, (Site site, HttpRequest request) => Downloads.Projection(site, request.Query, "csv")).ExcludeFromDescription();
        app.MapMethods("/projection/chart.svg", GetAndHead, (Site site, HttpRequest request) => Downloads.Projection(site, request.Query, "svg")).ExcludeFromDescription();
        app.MapMethods("/projection/chart.png", GetAndHead, (Site site, HttpRequest request) => Downloads.Projection(site, request.Query, "png")).ExcludeFromDescription();
        app.MapMethods("/calls", GetAndHead, (Site site, HttpRequest request) => Page(CallsPage.Render(site, request.Query))).ExcludeFromDescription();
        app.MapMethods("/calls.csv", GetAndHead, (Site site, HttpRequest request) => Downloads.CallsCsv(site, request.Query)).ExcludeFromDescription();
        app.MapMethods("/usage", GetAndHead, (Site site, HttpRequest request) => UsagePage.Get(site, request.Query, request.HttpContext.RequestAborted)).ExcludeFromDescription();
        app.MapPost("/usage", (Site site, HttpRequest request) => UsagePage.PostAsync(site, request, request.HttpContext.RequestAborted)).ExcludeFromDescription().DisableAntiforgery();
        app.MapMethods("/cost.csv", GetAndHead, (Site site, HttpRequest request) => Downloads.CostCsv(site, request.Query)).ExcludeFromDescription();
    }

    /// <summary>An HTML page answer.</summary>
    internal static IResult Page(string html, int status = StatusCodes.Status200OK) =>
        Results.Content(html, "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);
}
