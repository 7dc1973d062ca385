using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Planner.Web.Pages;

/// <summary>The HTML pages and their downloads. Every page is a GET whose query string is its whole state.</summary>
public static class PageEndpoints
{
    internal static void Map(WebApplication app)
    {
        app.MapGet("/", (Site site, HttpRequest request) => Page(CostPage.Render(site, request.Query))).ExcludeFromDescription();
        app.MapGet("/catalog", (Site site) => Page(CatalogPage.Render(site))).ExcludeFromDescription();
        app.MapGet("/projection", (Site site, HttpRequest request) => Page(ProjectionPage.Render(site, request.Query))).ExcludeFromDescription();
        app.MapGet("/projection.csv", (Site site, HttpRequest request) => Downloads.Projection(site, request.Query, "csv")).ExcludeFromDescription();
        app.MapGet("/projection/chart.svg", (Site site, HttpRequest request) => Downloads.Projection(site, request.Query, "svg")).ExcludeFromDescription();
        app.MapGet("/projection/chart.png", (Site site, HttpRequest request) => Downloads.Projection(site, request.Query, "png")).ExcludeFromDescription();
        app.MapGet("/calls", (Site site, HttpRequest request) => Page(CallsPage.Render(site, request.Query))).ExcludeFromDescription();
        app.MapGet("/calls.csv", (Site site, HttpRequest request) => Downloads.CallsCsv(site, request.Query)).ExcludeFromDescription();
        app.MapGet("/usage", (Site site, HttpRequest request) => UsagePage.Get(site, request.Query, request.HttpContext.RequestAborted)).ExcludeFromDescription();
        app.MapPost("/usage", (Site site, HttpRequest request) => UsagePage.PostAsync(site, request, request.HttpContext.RequestAborted)).ExcludeFromDescription().DisableAntiforgery();
        app.MapGet("/cost.csv", (Site site, HttpRequest request) => Downloads.CostCsv(site, request.Query)).ExcludeFromDescription();
    }

    /// <summary>An HTML page answer.</summary>
    internal static IResult Page(string html, int status = StatusCodes.Status200OK) =>
        Results.Content(html, "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);
}
