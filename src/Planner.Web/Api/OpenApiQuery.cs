using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Planner.Web.Api;

/// <summary>Documents a GET endpoint's query-string fields in /openapi.json: one parameter per field of the contract
/// query, by its snake_case name, with its type.</summary>
internal static class OpenApiQuery
{
    public static Func<OpenApiOperation, OpenApiOperationTransformerContext, CancellationToken, Task> Parameters<TQuery>() =>
        (operation, _, _) =>
        {
            operation.Parameters ??= [];
            foreach (var (name, property) in QueryBinder.Fields<TQuery>())
            {
                var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = name,
                    In = ParameterLocation.Query,
                    Required = false,
                    Schema = new OpenApiSchema
                    {
                        Type = type == typeof(long) || type == typeof(int) ? JsonSchemaType.Integer
                            : type == typeof(decimal) || type == typeof(double) ? JsonSchemaType.Number
                            : type == typeof(bool) ? JsonSchemaType.Boolean
                            : type == typeof(IReadOnlyList<string>) ? JsonSchemaType.String
                            : JsonSchemaType.String,
                    },
                });
            }

            return Task.CompletedTask;
        };
}
