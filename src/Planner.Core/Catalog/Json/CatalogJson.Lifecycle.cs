using System.Text.Json;

namespace Planner.Core.Catalog.Json;

public static partial class CatalogJson
{
    /// <summary>A model's or snapshot's lifecycle as read; the replacement is checked against the whole file later.</summary>
    private sealed record LifecycleFields(
        DateOnly? Released, DateOnly? Deprecated, DateOnly? Shutdown, string? Replacement, DateOnly? ReplacementObserved, Source? Source)
    {
        public static readonly LifecycleFields None = new(null, null, null, null, null, null);
    }

    private sealed partial class Reader
    {
        /// <summary>Replacements as written, with their paths, for the cross-field pass.</summary>
        private readonly List<(string Path, string Target)> _replacements = [];

        private LifecycleFields ReadLifecycle(JsonElement owner, string path)
        {
            if (!owner.TryGetProperty("lifecycle", out var l) || l.ValueKind == JsonValueKind.Null)
            {
                return LifecycleFields.None;
            }

            string lp = $"{path}.lifecycle";
            if (l.ValueKind != JsonValueKind.Object)
            {
                Error(lp, "must be an object with 'released', 'deprecated' and 'shutdown' dates");
                return LifecycleFields.None;
            }

            Known(l, lp, "released", "deprecated", "shutdown", "replacement", "replacement_observed", "source");
            var released = OptionalDate(l, lp, "released");
            var deprecated = OptionalDate(l, lp, "deprecated");
            var shutdown = OptionalDate(l, lp, "shutdown");
            string? replacement = l.TryGetProperty("replacement", out var r) && r.ValueKind != JsonValueKind.Null ? RequiredString(l, lp, "replacement") : null;
            var observed = OptionalDate(l, lp, "replacement_observed");
            if (deprecated is { } d && shutdown is { } s && s < d)
            {
                Error($"{lp}.shutdown", $"must not be before deprecated ({d:yyyy-MM-dd}), got {s:yyyy-MM-dd}");
            }

            if (released is { } rel && (deprecated ?? shutdown) is { } first && first < rel)
            {
                string field = deprecated is not null ? "deprecated" : "shutdown";
                Error($"{lp}.{field}", $"must not be before released ({rel:yyyy-MM-dd}), got {first:yyyy-MM-dd}");
            }

            if (replacement is not null)
            {
                _replacements.Add(($"{lp}.replacement", replacement));
                if (observed is null)
                {
                    Error($"{lp}.replacement_observed", "is required with a replacement: OpenAI rewrites the replacement of old notices, so say when it was seen");
                }
            }
            else if (observed is not null)
            {
                Error($"{lp}.replacement_observed", "must be absent without a replacement");
            }

            bool any = released is not null || deprecated is not null || shutdown is not null || replacement is not null;
            Source? source = any ? RequiredSource(l, lp) : l.TryGetProperty("source", out _) ? RequiredSource(l, lp) : null;
            return new LifecycleFields(released, deprecated, shutdown, replacement, observed, source);
        }
    }
}
