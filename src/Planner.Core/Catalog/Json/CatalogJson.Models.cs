using System.Globalization;
using System.Text.Json;
using Planner.Core.Units;

namespace Planner.Core.Catalog.Json;

public static partial class CatalogJson
{
    private sealed partial class Reader
    {
        private ModelSpec? ReadModel(JsonElement m, string path, IReadOnlyList<TierScheme> schemes)
        {
            if (m.ValueKind != JsonValueKind.Object)
            {
                Error(path, "must be an object");
                return null;
            }

            int before = Errors.Count;
            Known(m, path, "id", "display_name", "description", "api", "snapshots", "prices", "limits", "tiers", "audio_token_rates",
                "knowledge_cutoff", "lifecycle", "modalities", "endpoints", "endpoints_note", "features", "source");
            string? id = RequiredString(m, path, "id");
            if (id is not null && !IsValidId(id))
            {
                Error($"{path}.id", $"'{id}' must be lowercase letters, digits, '.' and '-'");
            }

            string? displayName = RequiredString(m, path, "display_name");
            var api = ReadApi(m, path);
            var windows = new List<PriceChangeWindow>();
            var prices = Required(m, path, "prices", JsonValueKind.Array) is { } p ? ReadPriceHistory(p, $"{path}.prices", required: true, windows) : [];

            var snapshots = new List<Snapshot>();
            if (m.TryGetProperty("snapshots", out var snaps))
            {
                if (snaps.ValueKind != JsonValueKind.Array)
                {
                    Error($"{path}.snapshots", "must be an array");
                }
                else
                {
                    int i = 0;
                    foreach (var s in snaps.EnumerateArray())
                    {
                        if (ReadSnapshot(s, $"{path}.snapshots[{i}]") is { } snapshot)
                        {
                            snapshots.Add(snapshot);
                        }

                        i++;
                    }
                }
            }

            TokenCount context = default, maxOutput = default;
            Source? limitsSource = null;
            if (Required(m, path, "limits", JsonValueKind.Object) is { } limits)
            {
                string lp = $"{path}.limits";
                Known(limits, lp, "context_window", "max_output_tokens", "source");
                context = new TokenCount(PositiveInt(limits, lp, "context_window") ?? 0);
                maxOutput = new TokenCount(PositiveInt(limits, lp, "max_output_tokens") ?? 0);
                if (maxOutput > context && context.Value > 0)
                {
                    Error($"{lp}.max_output_tokens", $"must be <= context_window ({context.Value}), got {maxOutput.Value}");
                }

                limitsSource = RequiredSource(limits, lp);
            }

            var tiers = Required(m, path, "tiers", JsonValueKind.Array) is { } t ? ReadTiers(t, $"{path}.tiers", schemes) : [];
            AudioTokenRates? rates = m.TryGetProperty("audio_token_rates", out var r) ? ReadRates(r, $"{path}.audio_token_rates") : null;
            var lifecycle = ReadLifecycle(m, path);
            var cutoff = OptionalDate(m, path, "knowledge_cutoff");
            string? description = OptionalString(m, path, "description");
            var source = RequiredSource(m, path);
            OptionalString(m, path, "endpoints_note");
            if (Errors.Count > before || id is null || displayName is null || limitsSource is null || source is null || api is null)
            {
                return null;
            }

            return new ModelSpec
            {
                Id = id,
                DisplayName = displayName,
                Description = description ?? "",
                Snapshots = snapshots,
                Prices = prices,
                ContextWindow = context,
                MaxOutputTokens = maxOutput,
                LimitsSource = limitsSource,
                TierLadders = tiers,
                AudioTokenRates = rates,
                Source = source,
                KnowledgeCutoff = cutoff,
                Api = api.Value,
                Released = lifecycle.Released,
                Deprecated = lifecycle.Deprecated,
                Shutdown = lifecycle.Shutdown,
                Replacement = lifecycle.Replacement,
                ReplacementObserved = lifecycle.ReplacementObserved,
                LifecycleSource = lifecycle.Source,
                PriceChangeWindows = windows,
                Modalities = StringMap(m, path, "modalities"),
                Endpoints = BoolMap(m, path, "endpoints"),
                Features = BoolMap(m, path, "features"),
            };
        }

        private Snapshot? ReadSnapshot(JsonElement s, string path)
        {
            if (s.ValueKind != JsonValueKind.Object)
            {
                Error(path, "must be an object");
                return null;
            }

            Known(s, path, "id", "prices", "lifecycle");
            string? id = RequiredString(s, path, "id");
            if (id is not null && !IsValidId(id))
            {
                Error($"{path}.id", $"'{id}' must be lowercase letters, digits, '.' and '-'");
            }

            var windows = new List<PriceChangeWindow>();
            IReadOnlyList<PriceSet> prices = s.TryGetProperty("prices", out var p) ? ReadPriceHistory(p, $"{path}.prices", required: false, windows) : [];
            var l = ReadLifecycle(s, path);
            return id is null ? null : new Snapshot
            {
                Id = id,
                Prices = prices,
                PriceChangeWindows = windows,
                Released = l.Released,
                Deprecated = l.Deprecated,
                Shutdown = l.Shutdown,
                Replacement = l.Replacement,
                ReplacementObserved = l.ReplacementObserved,
                LifecycleSource = l.Source,
            };
        }

        private ModelApi? ReadApi(JsonElement m, string path)
        {
            switch (RequiredString(m, path, "api"))
            {
                case null:
                    return null;
                case "chat_completions":
                    return ModelApi.ChatCompletions;
                case "realtime":
                    return ModelApi.Realtime;
                case var other:
                    Error($"{path}.api", $"must be \"chat_completions\" or \"realtime\", got \"{other}\"");
                    return null;
            }
        }


        private AudioTokenRates? ReadRates(JsonElement r, string path)
        {
            if (r.ValueKind != JsonValueKind.Object)
            {
                Error(path, "must be an object");
                return null;
            }

            Known(r, path, "input_tokens_per_second", "output_tokens_per_second", "source");
            var input = Rate(r, path, "input_tokens_per_second");
            var output = Rate(r, path, "output_tokens_per_second");
            var source = RequiredSource(r, path);
            return input is null || output is null || source is null
                ? null
                : new AudioTokenRates { Input = input.Value, Output = output.Value, Source = source };
        }

        private AudioTokenRate? Rate(JsonElement owner, string path, string name)
        {
            if (RequiredNumber(owner, path, name, "must have at most 3 decimal places") is not { } value)
            {
                return null;
            }

            if (!AudioTokenRate.TryFromTokensPerSecond(value, out var rate, out var error))
            {
                Error($"{path}.{name}", $"{error}, got {value.ToString(CultureInfo.InvariantCulture)}");
                return null;
            }

            return rate;
        }
    }
}
