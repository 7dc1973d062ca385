using Microsoft.AspNetCore.Builder;

namespace Planner.Web.Api;

/// <summary>The HTTP API under /api/: the same records as the CLI's --json, documented at /openapi.json.</summary>
public static class ApiEndpoints
{
    internal static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
    }
}
