using System.Net;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Planner.Core;
using Planner.Core.Catalog.Json;
using Planner.Web.Api;
using Planner.Web.Hosting;
using Planner.Web.Pages;

namespace Planner.Web;

/// <summary>The web calculator: Kestrel, the pages, the API and <c>/openapi.json</c>, on one catalog loaded at start.</summary>
public static class PlannerWeb
{
    /// <summary>Builds the app (not started). <paramref name="configure"/> lets tests swap the server (TestServer);
    /// <paramref name="map"/> lets them add endpoints behind the same middleware (e.g. one that fails).</summary>
    /// <exception cref="PlannerException">Invalid options, or a catalog that does not load.</exception>
    public static WebApplication Build(WebOptions options, Action<WebApplicationBuilder>? configure = null, Action<WebApplication>? map = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Problems();
        if (problems.Count > 0)
        {
            throw new PlannerException(PlannerErrorKind.InvalidArgument, string.Join("; ", problems));
        }

        // Loaded and validated once; the catalog is immutable, so concurrent requests share it safely.
        var site = new Site(CatalogJson.Load(options.CatalogPath), options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(PlannerWeb).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Production",
        });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxUploadBytes;
            if (string.Equals(options.Host, "localhost", StringComparison.OrdinalIgnoreCase))
            {
                kestrel.ListenLocalhost(options.Port);
            }
            else
            {
                kestrel.Listen(IPAddress.Parse(options.Host), options.Port);
            }
        });
        builder.Services.AddSingleton(site);
        builder.Services.AddRequestTimeouts(timeouts => timeouts.DefaultPolicy = new RequestTimeoutPolicy
        {
            Timeout = options.RequestTimeout,
            TimeoutStatusCode = StatusCodes.Status503ServiceUnavailable,
            WriteTimeoutResponse = context => ErrorResponses.WriteAsync(context, StatusCodes.Status503ServiceUnavailable,
                $"the request took longer than {options.RequestTimeout.TotalSeconds:0} s and was stopped"),
        });
        // /openapi.json describes the records as the API writes them: snake_case, through the contract's context; the
        // web's context has the rest (the POST bodies, the 400 answer). Source-generated metadata only, in every build:
        // where reflection is on (any build but the native one) ASP.NET Core appends its reflection resolver in a
        // post-configuration, and this one, registered after it, sets the chain to the two contexts again. So a type
        // without metadata fails here and in the tests as it would in the native build, not there alone.
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower);
        builder.Services.PostConfigure<JsonOptions>(json =>
            json.SerializerOptions.TypeInfoResolver = JsonTypeInfoResolver.Combine(Planner.Contract.Json.PlannerJson.Context, WebJsonContext.Default));
        builder.Services.AddOpenApi("v1", openApi => openApi.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Planner API";
            document.Info.Description = "The same results as the planner CLI's --json: costs, calls, projections, usage reports and the catalog.";
            return Task.CompletedTask;
        }).AddSchemaTransformer(OpenApiCleanup.Schema).AddOperationTransformer(OpenApiCleanup.Operation).AddDocumentTransformer(OpenApiCleanup.Document));
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseMiddleware<ErrorResponses>();
        app.UseMiddleware<SecurityHeaders>();
        // A status with no body of its own (404, 405, 415) says in one line what went wrong, as every other error does.
        app.UseStatusCodePages(context => ErrorResponses.WriteAsync(context.HttpContext, context.HttpContext.Response.StatusCode,
            ErrorResponses.StatusLine(context.HttpContext.Response.StatusCode)));
        app.UseRequestTimeouts();
        app.MapOpenApi("/openapi.json");
        Assets.Map(app);
        PageEndpoints.Map(app);
        ApiEndpoints.Map(app);
        map?.Invoke(app);
        return app;
    }

    /// <summary>The address a started app listens on, e.g. "http://127.0.0.1:5080/".</summary>
    public static string Address(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var addresses = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses;
        string url = addresses?.FirstOrDefault() ?? app.Urls.FirstOrDefault() ?? "http://127.0.0.1:" + WebOptions.DefaultPort;
        return url.EndsWith('/') ? url : url + "/";
    }
}
