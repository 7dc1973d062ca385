using System.Globalization;
using System.Text;
using System.Text.Json;
using Planner.Core.Units;

namespace Planner.Core.Catalog.Json;

/// <summary>Reads <c>data/catalog.json</c> (format: <c>data/catalog.schema.json</c>). The whole file is
/// validated and every problem reported at once, each with its JSON path; a catalog with any problem is never returned.</summary>
public static class CatalogJson
{
    /// <summary>The file name of the bundled catalog inside the data folder.</summary>
    public const string FileName = "catalog.json";

    /// <summary>The largest catalog file read, in bytes. The value is 16 MiB (the bundled one is a few KiB).</summary>
    public const long MaxFileBytes = 16L << 20;

    /// <summary>Loads and validates a catalog file.</summary>
    /// <exception cref="PlannerException">The file is missing, unreadable or not valid (all errors listed).</exception>
    public static ModelCatalog Load(string path)
    {
        // Bounded: /dev/zero or a wrong multi-gigabyte file is refused, not read into memory.
        byte[] bytes = InputFile.ReadAllBytes(path, MaxFileBytes, "catalog", PlannerErrorKind.InvalidCatalog);
        return Parse(bytes).GetOrThrow(path);
    }

    /// <summary>Validates catalog file content, which must be UTF-8 (a byte-order mark is allowed); never throws for bad content.</summary>
    /// <remarks>Decoding is strict: a lenient decoder would turn a corrupt byte into U+FFFD and the
    /// catalog would load with a figure or name nobody wrote.</remarks>
    public static CatalogLoadResult Parse(ReadOnlySpan<byte> utf8)
    {
        ReadOnlySpan<byte> bom = [0xEF, 0xBB, 0xBF];
        int skipped = utf8.StartsWith(bom) ? bom.Length : 0;
        utf8 = utf8[skipped..];

        try
        {
            return Parse(StrictUtf8.GetString(utf8));
        }
        catch (DecoderFallbackException e)
        {
            string where = e.Index >= 0 ? $" at byte {skipped + e.Index + 1}" : "";
            return new CatalogLoadResult(null, [new CatalogError("", $"not valid UTF-8{where}: the catalog must be saved as UTF-8")]);
        }
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Validates catalog JSON text; never throws for bad content.</summary>
    public static CatalogLoadResult Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = false });
        }
        catch (JsonException e)
        {
            string where = e.LineNumber is { } line ? $"line {line + 1}, byte {e.BytePositionInLine + 1}" : "unknown position";
            return new CatalogLoadResult(null, [new CatalogError("", $"not valid JSON at {where}: {FirstSentence(e.Message)}")]);
        }

        using (document)
        {
            var reader = new Reader();
            var catalog = reader.ReadCatalog(document.RootElement);
            return reader.Errors.Count == 0 && catalog is not null
                ? new CatalogLoadResult(catalog, [])
                : new CatalogLoadResult(null, reader.Errors);
        }
    }

    private static string FirstSentence(string message)
    {
        // System.Text.Json appends its own 0-based position ("LineNumber: 14 | ...") and a path; the 1-based one is already given.
        foreach (var tail in (string[])[" LineNumber:", " Path:"])
        {
            int cut = message.IndexOf(tail, StringComparison.Ordinal);
            if (cut > 0)
            {
                message = message[..cut];
            }
        }

        return message;
    }

    /// <summary>Walks the document, collecting errors instead of stopping at the first.</summary>
    private sealed class Reader
    {
        public List<CatalogError> Errors { get; } = [];

        public ModelCatalog? ReadCatalog(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                Error("", "must be a JSON object");
                return null;
            }

            DuplicateNames(root, "");
            Known(root, "", "$schema", "version", "currency", "audio_token_rates", "aliases", "models");
            OptionalString(root, "", "$schema");
            string? version = RequiredString(root, "", "version");
            if (RequiredString(root, "", "currency") is { } currency && currency != "USD")
            {
                Error("currency", $"must be \"USD\", got \"{currency}\"");
            }

            var rates = Required(root, "", "audio_token_rates", JsonValueKind.Object) is { } r ? ReadRates(r, "audio_token_rates") : null;

            var models = new List<ModelSpec>();
            if (Required(root, "", "models", JsonValueKind.Array) is { } array)
            {
                if (array.GetArrayLength() == 0)
                {
                    Error("models", "must list at least one model");
                }

                int i = 0;
                foreach (var element in array.EnumerateArray())
                {
                    if (ReadModel(element, $"models[{i}]") is { } model)
                    {
                        models.Add(model);
                    }

                    i++;
                }
            }

            var names = NamesInFile(root);
            CheckUniqueNames(names);
            var aliases = ReadAliases(root, names);
            if (Errors.Count > 0 || rates is null)
            {
                return null;
            }

            var withAliases = models.Select(m => aliases.TryGetValue(m.Id, out var list) ? m with { Aliases = list } : m).ToList();
            return new ModelCatalog(withAliases, rates, version);
        }

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

        private ModelSpec? ReadModel(JsonElement m, string path)
        {
            if (m.ValueKind != JsonValueKind.Object)
            {
                Error(path, "must be an object");
                return null;
            }

            int before = Errors.Count;
            Known(m, path, "id", "display_name", "description", "snapshots", "prices", "limits", "tiers", "audio_token_rates",
                "knowledge_cutoff", "lifecycle", "modalities", "endpoints", "endpoints_note", "features", "source");
            string? id = RequiredString(m, path, "id");
            if (id is not null && !IsValidId(id))
            {
                Error($"{path}.id", $"'{id}' must be lowercase letters, digits, '.' and '-'");
            }

            string? displayName = RequiredString(m, path, "display_name");
            var prices = Required(m, path, "prices", JsonValueKind.Array) is { } p ? ReadPriceHistory(p, $"{path}.prices", required: true) : [];

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

            var tiers = Required(m, path, "tiers", JsonValueKind.Object) is { } t ? ReadTiers(t, $"{path}.tiers") : [];
            AudioTokenRates? rates = m.TryGetProperty("audio_token_rates", out var r) ? ReadRates(r, $"{path}.audio_token_rates") : null;
            var (deprecated, shutdown) = ReadLifecycle(m, path);
            var cutoff = OptionalDate(m, path, "knowledge_cutoff");
            string? description = OptionalString(m, path, "description");
            var source = RequiredSource(m, path);
            OptionalString(m, path, "endpoints_note");
            if (Errors.Count > before || id is null || displayName is null || limitsSource is null || source is null)
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
                Tiers = tiers,
                AudioTokenRates = rates,
                Source = source,
                KnowledgeCutoff = cutoff,
                Deprecated = deprecated,
                Shutdown = shutdown,
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

            IReadOnlyList<PriceSet> prices = s.TryGetProperty("prices", out var p) ? ReadPriceHistory(p, $"{path}.prices", required: false) : [];
            var (deprecated, shutdown) = ReadLifecycle(s, path);
            return id is null ? null : new Snapshot { Id = id, Prices = prices, Deprecated = deprecated, Shutdown = shutdown };
        }

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

        private List<PriceSet> ReadPriceHistory(JsonElement array, string path, bool required)
        {
            var result = new List<PriceSet>();
            if (array.ValueKind != JsonValueKind.Array)
            {
                Error(path, "must be an array of price sets");
                return result;
            }

            if (required && array.GetArrayLength() == 0)
            {
                Error(path, "must list at least one price set");
            }

            int i = 0;
            DateOnly? previous = null;
            foreach (var element in array.EnumerateArray())
            {
                string ip = $"{path}[{i}]";
                var set = ReadPriceSet(element, ip);
                if (set is not null)
                {
                    if (previous is { } prev && set.EffectiveFrom <= prev)
                    {
                        Error($"{ip}.effective_from", set.EffectiveFrom == prev
                            ? $"{set.EffectiveFrom:yyyy-MM-dd} is the same date as {path}[{i - 1}]: two price sets overlap"
                            : $"{set.EffectiveFrom:yyyy-MM-dd} is before {path}[{i - 1}]'s {prev:yyyy-MM-dd}: price sets must be in ascending date order");
                    }

                    previous = set.EffectiveFrom;
                    result.Add(set);
                }

                i++;
            }

            return result;
        }

        private PriceSet? ReadPriceSet(JsonElement p, string path)
        {
            if (p.ValueKind != JsonValueKind.Object)
            {
                Error(path, "must be an object");
                return null;
            }

            int before = Errors.Count;
            Known(p, path, PriceSetFields);
            var from = RequiredDate(p, path, "effective_from");
            var prices = new MeterValues<PricePerMillionTokens?>();
            foreach (var meter in MeterTable.All)
            {
                // Absent or null: the model does not price this meter (a cached meter then bills at its input rate).
                prices[meter.Meter] = p.TryGetProperty(meter.PriceField, out var value) && value.ValueKind != JsonValueKind.Null
                    ? RequiredPrice(p, path, meter.PriceField)
                    : null;
            }

            var source = RequiredSource(p, path);
            if (Errors.Count > before || from is null || source is null)
            {
                return null;
            }

            return new PriceSet
            {
                EffectiveFrom = from.Value,
                TextInput = prices[Meter.TextInput],
                CachedTextInput = prices[Meter.CachedTextInput],
                AudioInput = prices[Meter.AudioInput],
                CachedAudioInput = prices[Meter.CachedAudioInput],
                ImageInput = prices[Meter.ImageInput],
                CachedImageInput = prices[Meter.CachedImageInput],
                TextOutput = prices[Meter.TextOutput],
                AudioOutput = prices[Meter.AudioOutput],
                Source = source,
            };
        }

        private static readonly string[] PriceSetFields = ["effective_from", .. MeterTable.All.Select(m => m.PriceField), "source"];

        private List<UsageTier> ReadTiers(JsonElement t, string path)
        {
            var result = new List<UsageTier>();
            Known(t, path, "source", "usage_limit_source", "entries");
            var source = RequiredSourceAt(t, path, "source");
            var usageSource = RequiredSourceAt(t, path, "usage_limit_source");
            if (Required(t, path, "entries", JsonValueKind.Array) is not { } entries)
            {
                return result;
            }

            if (entries.GetArrayLength() == 0)
            {
                Error($"{path}.entries", "must list at least one tier");
            }

            var names = new HashSet<string>(StringComparer.Ordinal);
            int i = 0;
            foreach (var e in entries.EnumerateArray())
            {
                string ep = $"{path}.entries[{i++}]";
                if (e.ValueKind != JsonValueKind.Object)
                {
                    Error(ep, "must be an object");
                    continue;
                }

                int before = Errors.Count;
                Known(e, ep, "tier", "supported", "rpm", "tpm", "monthly_usage_limit_usd", "qualification");
                string? name = RequiredString(e, ep, "tier");
                if (name is not null && name != "free" && !(name[0] != '0' && int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n > 0))
                {
                    Error($"{ep}.tier", $"must be \"free\" or a tier number such as \"1\", got \"{name}\"");
                }
                else if (name is not null && !names.Add(name))
                {
                    Error($"{ep}.tier", $"duplicate tier \"{name}\"");
                }

                bool? supported = RequiredBool(e, ep, "supported");
                long? rpm = e.TryGetProperty("rpm", out _) ? PositiveInt(e, ep, "rpm") : null;
                long? tpm = e.TryGetProperty("tpm", out _) ? PositiveInt(e, ep, "tpm") : null;
                if (supported == true && (rpm is null || tpm is null))
                {
                    if (!e.TryGetProperty("rpm", out _))
                    {
                        Error($"{ep}.rpm", "is required for a supported tier");
                    }

                    if (!e.TryGetProperty("tpm", out _))
                    {
                        Error($"{ep}.tpm", "is required for a supported tier");
                    }
                }

                if (supported == false)
                {
                    foreach (string limitName in (string[])["rpm", "tpm"])
                    {
                        if (e.TryGetProperty(limitName, out _))
                        {
                            Error($"{ep}.{limitName}", "must be absent for a tier that is not supported (supported is false)");
                        }
                    }
                }

                decimal? limit = NonNegativeNumber(e, ep, "monthly_usage_limit_usd");
                string? qualification = RequiredString(e, ep, "qualification");
                if (Errors.Count > before || name is null || supported is null || limit is null || qualification is null || source is null || usageSource is null)
                {
                    continue;
                }

                result.Add(new UsageTier
                {
                    Name = name,
                    Supported = supported.Value,
                    Rpm = supported.Value && rpm is { } rr ? new RequestsPerMinute(rr) : null,
                    Tpm = supported.Value && tpm is { } tt ? new TokensPerMinute(tt) : null,
                    MonthlyUsageLimit = Usd.FromDollars(limit.Value),
                    Qualification = qualification,
                    Source = source,
                    UsageLimitSource = usageSource,
                });
            }

            return result;
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
            if (RequiredNumber(owner, path, name) is not { } value)
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

        private PricePerMillionTokens? RequiredPrice(JsonElement owner, string path, string name)
        {
            if (RequiredNumber(owner, path, name) is not { } value)
            {
                return null;
            }

            if (!PricePerMillionTokens.TryFromUsdPerMillion(value, out var price, out var error))
            {
                Error($"{path}.{name}", $"{error}, got {value.ToString(CultureInfo.InvariantCulture)}");
                return null;
            }

            return price;
        }

        private Source? RequiredSource(JsonElement owner, string path) => RequiredSourceAt(owner, path, "source");

        private Source? RequiredSourceAt(JsonElement owner, string path, string name)
        {
            if (Required(owner, path, name, JsonValueKind.Object) is not { } s)
            {
                return null;
            }

            string sp = $"{path}.{name}";
            Known(s, sp, "url", "assumption", "note");
            string? url = RequiredString(s, sp, "url");
            if (url is not null && !Uri.TryCreate(url, UriKind.Absolute, out _))
            {
                Error($"{sp}.url", $"must be an absolute URL, got \"{url}\"");
                return null;
            }

            bool assumption = s.TryGetProperty("assumption", out var a) && a.ValueKind == JsonValueKind.True;
            if (s.TryGetProperty("assumption", out a) && a.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                Error($"{sp}.assumption", "must be true or false");
            }

            string? note = OptionalString(s, sp, "note");
            return url is null ? null : new Source(url, assumption, note);
        }

        private JsonElement? Required(JsonElement owner, string path, string name, JsonValueKind kind)
        {
            string p = Join(path, name);
            if (!owner.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                Error(p, "is required");
                return null;
            }

            if (value.ValueKind != kind)
            {
                Error(p, $"must be {Article(kind)}, got {Describe(value)}");
                return null;
            }

            return value;
        }

        private string? RequiredString(JsonElement owner, string path, string name)
        {
            if (Required(owner, path, name, JsonValueKind.String) is not { } v)
            {
                return null;
            }

            string s = v.GetString()!;
            if (s.Length == 0)
            {
                Error(Join(path, name), "must not be empty");
                return null;
            }

            return s;
        }


        /// <summary>An optional string field: absent is fine, any other JSON type is an error.</summary>
        private string? OptionalString(JsonElement owner, string path, string name)
        {
            if (!owner.TryGetProperty(name, out var v))
            {
                return null;
            }

            if (v.ValueKind != JsonValueKind.String)
            {
                Error(Join(path, name), $"must be a string, got {Describe(v)}");
                return null;
            }

            return v.GetString();
        }

        /// <summary>Reports every object, at any depth, that names a property twice: JSON parsers keep
        /// one of the two silently (System.Text.Json the last), so the file would not mean what it reads.</summary>
        private void DuplicateNames(JsonElement element, string path)
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var p in element.EnumerateObject())
                {
                    if (!seen.Add(p.Name))
                    {
                        Error(Join(path, p.Name), "appears twice in the same object; JSON keeps only one of the two, so remove the other");
                    }

                    DuplicateNames(p.Value, Join(path, p.Name));
                }
            }
            else if (element.ValueKind == JsonValueKind.Array)
            {
                int i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    DuplicateNames(item, $"{path}[{i++}]");
                }
            }
        }

        private bool? RequiredBool(JsonElement owner, string path, string name)
        {
            if (!owner.TryGetProperty(name, out var v))
            {
                Error(Join(path, name), "is required");
                return null;
            }

            if (v.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                return v.GetBoolean();
            }

            Error(Join(path, name), $"must be true or false, got {Describe(v)}");
            return null;
        }

        private decimal? RequiredNumber(JsonElement owner, string path, string name)
        {
            if (Required(owner, path, name, JsonValueKind.Number) is not { } v)
            {
                return null;
            }

            if (!v.TryGetDecimal(out decimal value))
            {
                Error(Join(path, name), $"must be a number within the range of a decimal, got {v.GetRawText()}");
                return null;
            }

            return value;
        }

        private decimal? NonNegativeNumber(JsonElement owner, string path, string name)
        {
            var value = RequiredNumber(owner, path, name);
            if (value < 0)
            {
                Error(Join(path, name), $"must be >= 0, got {value.Value.ToString(CultureInfo.InvariantCulture)}");
                return null;
            }

            return value;
        }

        private const decimal MaxWholeNumber = 1_000_000_000_000m;

        private long? PositiveInt(JsonElement owner, string path, string name)
        {
            if (RequiredNumber(owner, path, name) is not { } value)
            {
                return null;
            }

            // A bound far above any real cap or limit (tier 5 TPM is 30,000,000), so that capacity and
            // simulation arithmetic on it can never overflow.
            if (value != decimal.Truncate(value) || value < 1 || value > MaxWholeNumber)
            {
                Error(Join(path, name), $"must be a whole number from 1 to 1,000,000,000,000, got {value.ToString(CultureInfo.InvariantCulture)}");
                return null;
            }

            return (long)value;
        }

        private DateOnly? RequiredDate(JsonElement owner, string path, string name)
        {
            if (RequiredString(owner, path, name) is not { } s)
            {
                return null;
            }

            if (!DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                Error(Join(path, name), $"must be a date as YYYY-MM-DD, got \"{s}\"");
                return null;
            }

            return date;
        }

        private DateOnly? OptionalDate(JsonElement owner, string path, string name) =>
            owner.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? RequiredDate(owner, path, name) : null;

        private Dictionary<string, string> StringMap(JsonElement owner, string path, string name)
        {
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            if (!owner.TryGetProperty(name, out var map))
            {
                return result;
            }

            if (map.ValueKind != JsonValueKind.Object)
            {
                Error(Join(path, name), "must be an object");
                return result;
            }

            foreach (var p in map.EnumerateObject())
            {
                string? value = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : null;
                if (value is not ("input_output" or "input" or "output" or "not_supported"))
                {
                    Error($"{path}.{name}.{p.Name}", $"must be \"input_output\", \"input\", \"output\" or \"not_supported\", got {p.Value.GetRawText()}");
                    continue;
                }

                result[p.Name] = value;
            }

            return result;
        }

        private Dictionary<string, bool> BoolMap(JsonElement owner, string path, string name)
        {
            var result = new Dictionary<string, bool>(StringComparer.Ordinal);
            if (!owner.TryGetProperty(name, out var map))
            {
                return result;
            }

            if (map.ValueKind != JsonValueKind.Object)
            {
                Error(Join(path, name), "must be an object");
                return result;
            }

            foreach (var p in map.EnumerateObject())
            {
                if (p.Value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    Error($"{path}.{name}.{p.Name}", $"must be true or false, got {p.Value.GetRawText()}");
                    continue;
                }

                result[p.Name] = p.Value.GetBoolean();
            }

            return result;
        }

        private void Known(JsonElement owner, string path, params string[] names)
        {
            foreach (var p in owner.EnumerateObject())
            {
                if (Array.IndexOf(names, p.Name) < 0)
                {
                    Error(Join(path, p.Name), $"unknown field (expected one of: {string.Join(", ", names)})");
                }
            }
        }


        private static string? Str(JsonElement owner, string name) =>
            owner.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

        private static bool IsValidId(string id) =>
            id.Length > 0 && char.IsAsciiLetterLower(id[0]) | char.IsAsciiDigit(id[0]) &&
            id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '-');

        private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

        private static string Article(JsonValueKind kind) => kind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            _ => kind.ToString().ToLowerInvariant(),
        };

        private static string Describe(JsonElement value) => value.ValueKind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            JsonValueKind.String => $"the string {value.GetRawText()}",
            _ => value.GetRawText(),
        };

        private void Error(string path, string message) => Errors.Add(new CatalogError(path, message));
    }
}
