using System.Globalization;
using System.Text.Json;
using Planner.Core.Units;

namespace Planner.Core.Catalog.Json;

public static partial class CatalogJson
{
    private sealed partial class Reader
    {
        private (DateOnly? Deprecated, DateOnly? Shutdown) ReadLifecycle(JsonElement owner, string path)
        {
            if (!owner.TryGetProperty("lifecycle", out var l) || l.ValueKind == JsonValueKind.Null)
            {
                return (null, null);
            }

            string lp = $"{path}.lifecycle";
            if (l.ValueKind != JsonValueKind.Object)
            {
                Error(lp, "must be an object with 'deprecated' and 'shutdown' dates");
                return (null, null);
            }

            Known(l, lp, "deprecated", "shutdown");
            var deprecated = OptionalDate(l, lp, "deprecated");
            var shutdown = OptionalDate(l, lp, "shutdown");
            if (deprecated is { } d && shutdown is { } s && s < d)
            {
                Error($"{lp}.shutdown", $"must not be before deprecated ({d:yyyy-MM-dd}), got {s:yyyy-MM-dd}");
            }

            return (deprecated, shutdown);
        }
    }
}
