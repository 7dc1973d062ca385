using System.Diagnostics.CodeAnalysis;
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
        Endpoint<CompareQuery, CompareResult>(api, "/compare", "The same request on several models side by side", "The same record as `planner compare --json`; `models` is comma-separated.",
            PlannerJson.Context.CompareResult, (query, site) => CompareService.Run(query, site.Catalog, site.Now));
        Endpoint<CapacityQuery, CapacityResult>(api, "/capacity", "Requests a minute a tier sustains", "The same record as `planner capacity --json` for a request shape.",
            PlannerJson.Context.CapacityResult, (query, site) => CapacityService.Run(query, site.Catalog, site.Now));
        Endpoint<CapacityQuery, CallCapacityResult>(api, "/capacity/calls", "Concurrent calls each tier carries", "The same record as `planner capacity --concurrent-calls --json`.",
            PlannerJson.Context.CallCapacityResult, (query, site) => CapacityService.RunCalls(query, site.Catalog, site.Now));
        Endpoint<LimitsQuery, LimitsResult>(api, "/limits", "A model's usage tiers", "The same record as `planner limits --json`.",
            PlannerJson.Context.LimitsResult, (query, site) => LimitsService.Run(query, site.Catalog, site.Now));
        Endpoint<ModelsQuery, ModelsResult>(api, "/models", "Every model with its prices, caps and lifecycle", "The same record as `planner models --json`.",
            PlannerJson.Context.ModelsResult, (query, site) => ModelsService.Run(query, site.Catalog, site.Now));
        Endpoint<CallQuery, CallResult>(api, "/call", "One voice call, turn by turn", "The same record as `planner call --json`.",
            PlannerJson.Context.CallResult, (query, site) => CallService.Run(query, site.Catalog, site.Now));
        Endpoint<ConversationQuery, ConversationResult>(api, "/conversation", "A Chat Completions conversation that resends its history", "The same record as `planner conversation --json`.",
            PlannerJson.Context.ConversationResult, (query, site) => ConversationService.Run(query, site.Catalog, site.Now));
        Endpoint<ProjectQuery, ProjectResult>(api, "/project", "Monthly cost over a horizon as a distribution", "The same record as `planner project --json` for a request shape (requests_per_day) or a call shape (calls_per_day).",
            PlannerJson.Context.ProjectResult, (query, site) => ProjectService.Run(query, site.Catalog, trace: null, site.Now));
        ProjectTraceEndpoint.Map(api);
        FileEndpoint<PriceQuery, PriceResult>(api, "/price", "The exact cost of an uploaded trace or usage file", "The same record as `planner price FILE --json`.",
            PlannerJson.Context.PriceResult, (query, site, source) => PriceService.Run(query, site.Catalog, source), (result, name) => result with { Trace = name });
        FileEndpoint<SimulateQuery, SimulateResult>(api, "/simulate", "An uploaded trace replayed against a tier's limits", "The same record as `planner simulate FILE --json`.",
            PlannerJson.Context.SimulateResult, (query, site, source) => SimulateService.Run(query, site.Catalog, source), (result, name) => result with { Trace = name }, forSimulation: true);
        FileEndpoint<RecommendQuery, RecommendResult>(api, "/recommend", "The lowest tier that meets the objectives for an uploaded trace", "The same record as `planner recommend FILE --json`.",
            PlannerJson.Context.RecommendResult, (query, site, source) => RecommendService.Run(query, site.Catalog, source), (result, name) => result with { Trace = name }, forSimulation: true);
        ReconcileEndpoint.Map(api);
    }

    /// <summary>GET and POST for one command: bind, validate, run, serialize.</summary>
    internal static void Endpoint<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] TQuery, TResult>(RouteGroupBuilder api, string path, string summary, string description, JsonTypeInfo<TResult> typeInfo,
        Func<TQuery, Site, TResult> run)
        where TQuery : IQuery, new()
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

    /// <summary>POST multipart/form-data for a command that reads a file: the query's fields as form fields before the
    /// file part (or in the query string), the file streamed into Core's readers (see <see cref="Uploads.UploadReader"/>).</summary>
    internal static void FileEndpoint<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] TQuery, TResult>(RouteGroupBuilder api, string path, string summary, string description, JsonTypeInfo<TResult> typeInfo,
        Func<TQuery, Site, Planner.Core.Traces.IUsageSource, TResult> run, Func<TResult, string, TResult> named, bool forSimulation = false)
        where TQuery : TraceQuery, new()
    {
        api.MapPost(path, async (HttpContext context, Site site) =>
        {
            var request = context.Request;
            IReadOnlyList<FieldError> errors = [];
            TQuery? query = null;
            var result = await Uploads.UploadReader.ReadAsync(request, site.Options.MaxUploadBytes, site.Catalog, fields =>
            {
                (query, errors) = QueryBinder.Bind<TQuery>(name => fields.TryGetValue(name, out var v) ? v : request.Query.TryGetValue(name, out var q) ? q.ToString() : null);
                var bound = query;
                errors = QueryBinder.WithValidation([.. errors, .. QueryBinder.Unknown<TQuery>(fields.Keys.Concat(request.Query.Keys), "file")], () => bound.Validate());

                return errors.Count > 0 ? new Planner.Core.Traces.TraceOptions() : query.ToTraceOptions(site.Catalog, forSimulation, site.Now);
            }, (source, name, _) => errors.Count > 0 ? default : named(run(query!, site, source), name), context.RequestAborted).ConfigureAwait(false);
            return errors.Count > 0 ? Errors(errors) : Results.Bytes(PlannerJson.ToUtf8(result!, typeInfo), "application/json; charset=utf-8");
        })
            .WithSummary(summary).WithDescription(description + " Send multipart/form-data: the query's fields, then the file in a part named 'file'.")
            .Produces<TResult>(StatusCodes.Status200OK, "application/json").Produces<ApiErrors>(StatusCodes.Status400BadRequest, "application/json")
            .Produces(StatusCodes.Status413PayloadTooLarge)
            .AddOpenApiOperationTransformer(OpenApiQuery.Upload<TQuery>("file"))
            .DisableAntiforgery();
    }

    private static IResult Answer<TQuery, TResult>((TQuery Query, IReadOnlyList<FieldError> Errors) bound, Site site, JsonTypeInfo<TResult> typeInfo, Func<TQuery, Site, TResult> run)
        where TQuery : IQuery
    {
        var errors = QueryBinder.WithValidation(bound.Errors, bound.Query.Validate);
        if (errors.Count > 0)
        {
            return Errors(errors);
        }

        // A PlannerException (an unknown model, a cap broken) answers 400 through ErrorResponses, with Core's message.
        return Results.Bytes(PlannerJson.ToUtf8(run(bound.Query, site), typeInfo), "application/json; charset=utf-8");
    }

    /// <summary>A 400 with every problem.</summary>
    internal static IResult Errors(IReadOnlyList<FieldError> errors) =>
        Results.Json(new ApiErrors(errors), WebJsonContext.Relaxed.ApiErrors, "application/json; charset=utf-8", StatusCodes.Status400BadRequest);
}
