using System.Globalization;
using System.Text;
using System.Text.Json;
using Planner.Core.Units;

namespace Planner.Core.Catalog.Json;

/// <summary>Reads <c>data/catalog.json</c> (format: <c>data/catalog.schema.json</c>). The whole file is
/// validated and every problem reported at once, each with its JSON path; a catalog with any problem is never returned.</summary>
public static partial class CatalogJson
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

    /// <summary>Walks the document, collecting errors instead of stopping at the first. Split by layer:
    /// generic field readers (Fields), one reader per section (Models, Prices, Tiers, Lifecycle), and the
    /// cross-field rules over the whole file (CrossField).</summary>
    private sealed partial class Reader
    {
        public List<CatalogError> Errors { get; } = [];

        public ModelCatalog? ReadCatalog(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                Error("$", "must be a JSON object");
                return null;
            }

            DuplicateNames(root, "");
            Known(root, "", "$schema", "version", "currency", "audio_token_rates", "tier_schemes", "aliases", "models");
            OptionalString(root, "", "$schema");
            string? version = RequiredString(root, "", "version");
            if (RequiredString(root, "", "currency") is { } currency && currency != "USD")
            {
                Error("currency", $"must be \"USD\", got \"{currency}\"");
            }

            var rates = Required(root, "", "audio_token_rates", JsonValueKind.Object) is { } r ? ReadRates(r, "audio_token_rates") : null;

            var schemes = ReadTierSchemes(root);
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
                    if (ReadModel(element, $"models[{i}]", schemes) is { } model)
                    {
                        models.Add(model);
                    }

                    i++;
                }
            }

            var names = NamesInFile(root);
            CheckUniqueNames(names);
            var aliases = ReadAliases(root, names);
            CheckReplacements(names, aliases);
            if (Errors.Count > 0 || rates is null)
            {
                return null;
            }

            var withAliases = models.Select(m => aliases.TryGetValue(m.Id, out var list) ? m with { Aliases = list } : m).ToList();
            return new ModelCatalog(withAliases, rates, version, new TierSchedule(schemes));
        }
    }
}
