using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Planner.Contract;
using Planner.Contract.Json;
using Planner.Contract.Queries;
using Planner.Contract.Results;
using Planner.Contract.Services;
using Planner.Core.Traces;

namespace Planner.Web.Api;

/// <summary><c>POST /api/project/trace</c>: <c>planner project --trace</c> on an uploaded trace or usage file, streamed
/// into the same readers as <see cref="ApiEndpoints.FileEndpoint"/>'s (a <see cref="ProjectQuery"/> is not a
/// <see cref="TraceQuery"/>, so it has its own few lines).</summary>
internal static class ProjectTraceEndpoint
{
    internal static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/project/trace", async (HttpContext context, Site site) =>
        {
            var request = context.Request;
            IReadOnlyList<FieldError> errors = [];
            ProjectQuery? query = null;
            var result = await Uploads.UploadReader.ReadAsync(request, site.Options.MaxUploadBytes, site.Catalog, fields =>
            {
                (query, errors) = QueryBinder.Bind<ProjectQuery>(name => fields.TryGetValue(name, out var v) ? v : request.Query.TryGetValue(name, out var q) ? q.ToString() : null);
                var bound = query;
                errors = QueryBinder.WithValidation([.. errors, .. QueryBinder.Unknown<ProjectQuery>(fields.Keys.Concat(request.Query.Keys), "file")], () => bound.Validate(withTrace: true));

                return errors.Count > 0 ? new TraceOptions() : query.ToTraceOptions(site.Catalog);
            }, (source, _, _) => errors.Count > 0 ? null : ProjectService.Run(query!, site.Catalog, source, site.Now), context.RequestAborted).ConfigureAwait(false);
            return errors.Count > 0 ? ApiEndpoints.Errors(errors) : Results.Bytes(PlannerJson.ToUtf8(result!, PlannerJson.Context.ProjectResult), "application/json; charset=utf-8");
        })
            .WithSummary("Monthly cost over a horizon, learned from an uploaded trace")
            .WithDescription("The same record as `planner project --trace FILE --json`. Send multipart/form-data: the query's fields, then the file in a part named 'file'.")
            .Produces<ProjectResult>(StatusCodes.Status200OK, "application/json").Produces<ApiErrors>(StatusCodes.Status400BadRequest, "application/json")
            .Produces(StatusCodes.Status413PayloadTooLarge)
            .AddOpenApiOperationTransformer(OpenApiQuery.Upload<ProjectQuery>("file"))
            .DisableAntiforgery();
    }
}
