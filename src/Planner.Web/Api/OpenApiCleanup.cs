using System.Net;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Planner.Core.Units;

namespace Planner.Web.Api;

/// <summary>Makes /openapi.json say what the API sends: <see cref="Usd"/> is a bare JSON number (an exact decimal, as
/// <c>UsdJsonConverter</c> writes it), not the struct's properties; and descriptions taken from XML comments read as
/// text (<c>-&gt;</c> becomes "->", <c>IReadOnlyList&lt;T&gt;</c> "IReadOnlyList&lt;T&gt;" once decoded).</summary>
internal static class OpenApiCleanup
{
    /// <summary>The description of every <see cref="Usd"/> in the document.</summary>
    public const string UsdDescription = "exact decimal USD: a JSON number written with every digit (never a binary float's rounding)";

    public static Task Schema(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (type == typeof(Usd))
        {
            schema.Type = JsonSchemaType.Number;
            schema.Format = null;
            schema.Pattern = null;
            schema.Properties?.Clear();
            schema.Required?.Clear();
            schema.Description = UsdDescription;
            return Task.CompletedTask;
        }

        schema.Description = Decode(schema.Description);
        return Task.CompletedTask;
    }

    public static Task Operation(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        operation.Summary = Decode(operation.Summary);
        operation.Description = Decode(operation.Description);
        foreach (var parameter in operation.Parameters ?? [])
        {
            if (parameter is OpenApiParameter p)
            {
                p.Description = Decode(p.Description);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>The descriptions put on properties after the schema transformers ran (those from XML comments on a
    /// property whose schema is a reference), decoded too.</summary>
    public static Task Document(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(document);
        foreach (var schema in document.Components?.Schemas?.Values ?? [])
        {
            foreach (var property in schema.Properties?.Values ?? [])
            {
                switch (property)
                {
                    case OpenApiSchemaReference reference:
                        reference.Description = Decode(reference.Description);
                        break;
                    case OpenApiSchema inline:
                        inline.Description = Decode(inline.Description);
                        break;
                }
            }
        }

        return Task.CompletedTask;
    }

    private static string? Decode(string? text) => text is null ? null : WebUtility.HtmlDecode(text);
}
