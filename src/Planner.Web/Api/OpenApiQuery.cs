using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Planner.Web.Api;

/// <summary>Documents a GET endpoint's query-string fields in /openapi.json: one parameter per field of the contract
/// query, by its snake_case name, with its type.</summary>
internal static class OpenApiQuery
{
    /// <summary>Documents an upload endpoint's multipart/form-data body: a part per field of the query (text), then the
    /// file parts (binary), 'file' required.</summary>
    public static Func<OpenApiOperation, OpenApiOperationTransformerContext, CancellationToken, Task> Upload<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] TQuery>(params string[] files) =>
        (operation, _, _) =>
        {
            var properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
            foreach (var (name, property) in QueryBinder.Fields<TQuery>())
            {
                properties[name] = new OpenApiSchema { Type = TypeOf(property.PropertyType) };
            }

            foreach (string file in files)
            {
                properties[file] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" };
            }

            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = $"multipart/form-data: the query's fields as text parts, then {string.Join(" and ", files.Select(f => $"the '{f}' part"))} (the file parts last)",
                Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
                {
                    ["multipart/form-data"] = new OpenApiMediaType
                    {
                        Schema = new OpenApiSchema { Type = JsonSchemaType.Object, Properties = properties, Required = new HashSet<string>(StringComparer.Ordinal) { "file" } },
                    },
                },
            };
            return Task.CompletedTask;
        };

    private static JsonSchemaType TypeOf(Type propertyType)
    {
        var type = Nullable.GetUnderlyingType(propertyType) ?? propertyType;
        return type == typeof(long) || type == typeof(int) ? JsonSchemaType.Integer
            : type == typeof(decimal) || type == typeof(double) ? JsonSchemaType.Number
            : type == typeof(bool) ? JsonSchemaType.Boolean
            : JsonSchemaType.String;
    }

    public static Func<OpenApiOperation, OpenApiOperationTransformerContext, CancellationToken, Task> Parameters<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] TQuery>() =>
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
