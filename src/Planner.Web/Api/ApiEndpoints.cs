using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Planner.Contract;
using Planner.Contract.Json;
using Planner.Contract.Queries;
using Planner.Contract.Results;
using Planner.Contract.Services;

namespace Planner.Web.Api;

/// <summary>The HTTP API under /api/: the same records as the CLI's --json (through the same
/// <see cref="PlannerJson.Context"/>), bound from the query string (GET) or a JSON object (POST) by the query's
/// snake_case field names; 400 <c>{"errors":[{"field":..,"message":..}]}</c> with every problem at once.</summary>
public static class ApiEndpoints
{
    internal static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("/api").WithTags("Planner");
        Endpoint<CostQuery, CostResult>(api, "/cost", "Cost of K requests of one shape", "The same record as `planner cost --json`.",
            PlannerJson.Context.CostResult, (query, site) => CostService.Run(query, site.Catalog, site.Now));
    }

    /// <summary>GET and POST for one command: bind, validate, run, serialize.</summary>
    internal static void Endpoint<TQuery, TResult>(RouteGroupBuilder api, string path, string summary, string description, JsonTypeInfo<TResult> typeInfo,
        Func<TQuery, Site, TResult> run)
        where TQuery : notnull, new()
    {
        api.MapGet(path, (HttpContext context, Site site) =>
            Answer(QueryBinder.FromQuery<TQuery>(context.Request.Query, rejectUnknown: true), site, typeInfo, run))
            .WithSummary(summary).WithDescription(description)
            .Produces<TResult>(StatusCodes.Status200OK, "application/json").Produces<ApiErrors>(StatusCodes.Status400BadRequest, "application/json")
            .AddOpenApiOperationTransformer(OpenApiQuery.Parameters<TQuery>());
        api.MapPost(path, async (HttpContext context, Site site) =>
            Answer(await QueryBinder.FromJsonAsync<TQuery>(context.Request, context.RequestAborted).ConfigureAwait(false), site, typeInfo, run))
            .WithSummary(summary).WithDescription(description + " The body is a JSON object of the same fields.")
            .Accepts<TQuery>("application/json")
            .Produces<TResult>(StatusCodes.Status200OK, "application/json").Produces<ApiErrors>(StatusCodes.Status400BadRequest, "application/json");
    }

    private static IResult Answer<TQuery, TResult>((TQuery Query, IReadOnlyList<FieldError> Errors) bound, Site site, JsonTypeInfo<TResult> typeInfo, Func<TQuery, Site, TResult> run)
    {
        var errors = bound.Errors.Count > 0 ? bound.Errors : Validate(bound.Query);
        if (errors.Count > 0)
        {
            return Errors(errors);
        }

        // A PlannerException (an unknown model, a cap broken) answers 400 through ErrorResponses, with Core's message.
        return Results.Bytes(PlannerJson.ToUtf8(run(bound.Query, site), typeInfo), "application/json; charset=utf-8");
    }

    /// <summary>The query's own Validate(), when it has one (every contract query does).</summary>
    private static IReadOnlyList<FieldError> Validate<TQuery>(TQuery query) =>
        query is RequestShapeQuery shaped ? shaped.Validate()
        : typeof(TQuery).GetMethod("Validate", Type.EmptyTypes)?.Invoke(query, null) as IReadOnlyList<FieldError> ?? [];

    /// <summary>A 400 with every problem.</summary>
    internal static IResult Errors(IReadOnlyList<FieldError> errors) =>
        Results.Json(new ApiErrors(errors), WebJsonContext.Relaxed.ApiErrors, "application/json; charset=utf-8", StatusCodes.Status400BadRequest);
}
