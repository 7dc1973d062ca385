using System.Globalization;
using System.Text.Json;
using Planner.Core.Units;

namespace Planner.Core.Catalog.Json;

public static partial class CatalogJson
{
    private sealed partial class Reader
    {
        /// <summary>The ids of every model and snapshot as written, including those of models with
        /// errors, so a duplicate or an alias target is judged against the whole file.</summary>
        private static List<(string Path, string Id, string ModelId)> NamesInFile(JsonElement root)
        {
            var names = new List<(string Path, string Id, string ModelId)>();
            if (!root.TryGetProperty("models", out var models) || models.ValueKind != JsonValueKind.Array)
            {
                return names;
            }

            int i = 0;
            foreach (var m in models.EnumerateArray())
            {
                if (m.ValueKind == JsonValueKind.Object && Str(m, "id") is { Length: > 0 } id)
                {
                    names.Add(($"models[{i}]", id, id));
                    if (m.TryGetProperty("snapshots", out var snaps) && snaps.ValueKind == JsonValueKind.Array)
                    {
                        int s = 0;
                        foreach (var snap in snaps.EnumerateArray())
                        {
                            if (snap.ValueKind == JsonValueKind.Object && Str(snap, "id") is { Length: > 0 } sid)
                            {
                                names.Add(($"models[{i}].snapshots[{s}]", sid, id));
                            }

                            s++;
                        }
                    }
                }

                i++;
            }

            return names;
        }

        private void CheckUniqueNames(List<(string Path, string Id, string ModelId)> names)
        {
            var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (path, id, _) in names)
            {
                if (seen.TryAdd(id, path))
                {
                    continue;
                }

                Error($"{path}.id", !path.Contains(".snapshots[", StringComparison.Ordinal)
                    ? $"duplicate model id '{id}' (also {seen[id]})"
                    : $"duplicate name '{id}' (also {seen[id]})");
            }
        }

        private Dictionary<string, List<string>> ReadAliases(JsonElement root, List<(string Path, string Id, string ModelId)> names)
        {
            var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            if (!root.TryGetProperty("aliases", out var aliases))
            {
                return result;
            }

            if (aliases.ValueKind != JsonValueKind.Object)
            {
                Error("aliases", "must be an object of alias -> model or snapshot id");
                return result;
            }

            var owner = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (_, id, modelId) in names)
            {
                owner.TryAdd(id, modelId);
            }

            foreach (var alias in aliases.EnumerateObject())
            {
                string path = $"aliases.{alias.Name}";
                if (alias.Value.ValueKind != JsonValueKind.String)
                {
                    Error(path, "must be a string naming a model or snapshot id");
                    continue;
                }

                string target = alias.Value.GetString()!;
                if (!IsValidId(alias.Name))
                {
                    // Same rule as ids: an alias is typed on command lines and written into golden tables.
                    Error(path, $"alias '{alias.Name}' must be lowercase letters, digits, '.' and '-'");
                }
                else if (owner.ContainsKey(alias.Name))
                {
                    Error(path, $"alias '{alias.Name}' is already a model or snapshot id");
                }
                else if (!owner.TryGetValue(target, out var modelId))
                {
                    Error(path, $"points to '{target}', which is no model or snapshot in this catalog");
                }
                else
                {
                    if (!result.TryGetValue(modelId, out var list))
                    {
                        result[modelId] = list = [];
                    }

                    list.Add(alias.Name);
                }
            }

            return result;
        }

        /// <summary>Every replacement names a model, snapshot or alias of this catalog.</summary>
        private void CheckReplacements(List<(string Path, string Id, string ModelId)> names, Dictionary<string, List<string>> aliases)
        {
            var known = new HashSet<string>(names.Select(n => n.Id), StringComparer.OrdinalIgnoreCase);
            known.UnionWith(aliases.Values.SelectMany(a => a));
            foreach (var (path, target) in _replacements)
            {
                if (!known.Contains(target))
                {
                    Error(path, $"'{target}' is no model, snapshot or alias in this catalog");
                }
            }
        }
    }
}
