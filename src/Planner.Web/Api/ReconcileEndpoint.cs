using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Planner.Contract;
using Planner.Contract.Json;
using Planner.Contract.Queries;
using Planner.Contract.Results;
using Planner.Contract.Services;
using Planner.Core.Ingest;
using ReconcileResult = Planner.Contract.Results.ReconcileResult;

namespace Planner.Web.Api;

/// <summary>POST /api/reconcile: multipart/form-data with the query's fields, a part <c>costs</c> (Costs API pages)
/// and then a part <c>file</c> (the usage, streamed): the same record as <c>planner reconcile --json</c>.</summary>
public static class ReconcileEndpoint
{
    internal static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapPost("/reconcile", async (HttpContext context, Site site) =>
        {
            var request = context.Request;
            IReadOnlyList<FieldError> errors = [];
            var query = new ReconcileQuery();
            IReadOnlyList<BilledCost>? billed = null;
            string costs = "";
            var result = await Uploads.UploadReader.ReadAsync(request, site.Options.MaxUploadBytes, site.Catalog, fields =>
            {
                (query, errors) = QueryBinder.Bind<ReconcileQuery>(name => fields.TryGetValue(name, out var v) ? v : request.Query.TryGetValue(name, out var q) ? q.ToString() : null);
                var bound = query;
                errors = QueryBinder.WithValidation([.. errors, .. QueryBinder.Unknown<ReconcileQuery>(fields.Keys.Concat(request.Query.Keys), "file", "costs")], () => bound.Validate());

                if (errors.Count == 0 && billed is null)
                {
                    errors = [new FieldError("costs", "costs is required: send the Costs export in a part named 'costs' before the usage in 'file'")];
                }

                return query.ToTraceOptions(site.Now);
            }, (source, name, _) => errors.Count > 0 ? null : ReconcileService.Run(query, site.Catalog, source, costs, billed!) with { Trace = name },
            (field, name, body, _) =>
            {
                if (field == "costs")
                {
                    // Read from the body as it arrives, a page at a time (as the CLI reads the file).
                    billed = CostsPages.Read(name, body);
                    costs = name;
                }

                return Task.CompletedTask;
            }, context.RequestAborted).ConfigureAwait(false);
            return errors.Count > 0 ? ApiEndpoints.Errors(errors) : Results.Bytes(PlannerJson.ToUtf8(result!, PlannerJson.Context.ReconcileResult), "application/json; charset=utf-8");
        })
            .WithSummary("An uploaded usage file priced per day, model and meter beside the billed costs")
            .WithDescription("The same record as `planner reconcile --json`. Send multipart/form-data: the query's fields, the Costs export in a part named 'costs', then the usage in a part named 'file'.")
            .Produces<ReconcileResult>(StatusCodes.Status200OK, "application/json").Produces<ApiErrors>(StatusCodes.Status400BadRequest, "application/json")
            .Produces(StatusCodes.Status413PayloadTooLarge)
            .AddOpenApiOperationTransformer(OpenApiQuery.Upload<ReconcileQuery>("costs", "file"))
            .DisableAntiforgery();
    }
}
