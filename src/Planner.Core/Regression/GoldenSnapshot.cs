using System.Globalization;
using System.Text;
using Planner.Core.Catalog;

namespace Planner.Core.Regression;

/// <summary>A golden snapshot: every figure of a catalog that prices or limits a request, as a
/// Markdown table a reviewer reads in a pull request. A catalog that disagrees with its snapshot
/// fails <c>planner verify</c>, so no price changes without the snapshot changing in the same diff.</summary>
/// <remarks>Excluded on purpose: the catalog version, sources, descriptions and tier qualifications,
/// which change without changing any cost or limit.</remarks>
public static class GoldenSnapshot
{
    /// <summary>The golden file's name for a catalog file: "catalog.json" -> "catalog.golden.md".</summary>
    public static string FileNameFor(string catalogPath) => Path.GetFileNameWithoutExtension(catalogPath) + ".golden.md";

    /// <summary>The figures of <paramref name="catalog"/>, in catalog order.</summary>
    public static IReadOnlyList<GoldenEntry> Of(ModelCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var entries = new List<GoldenEntry>();
        Rates(entries, CatalogDiff.CatalogSubject, catalog.AudioTokenRates);
        foreach (var model in catalog.Models)
        {
            string id = model.Id;
            foreach (var alias in model.Aliases.Order(StringComparer.Ordinal))
            {
                entries.Add(new GoldenEntry(alias, "alias of", id));
            }

            foreach (var snapshot in model.Snapshots)
            {
                entries.Add(new GoldenEntry(snapshot.Id, "snapshot of", id));
            }

            Prices(entries, id, model.Prices);
            entries.Add(new GoldenEntry(id, "context_window (tokens)", Number(model.ContextWindow.Value)));
            entries.Add(new GoldenEntry(id, "max_output_tokens (tokens)", Number(model.MaxOutputTokens.Value)));
            foreach (var tier in model.Tiers)
            {
                string t = "tier " + tier.Name;
                entries.Add(new GoldenEntry(id, t + ": supported", tier.Supported ? "yes" : "no"));
                if (tier.Supported)
                {
                    entries.Add(new GoldenEntry(id, t + ": rpm", Number(tier.Rpm?.Value ?? 0)));
                    entries.Add(new GoldenEntry(id, t + ": tpm", Number(tier.Tpm?.Value ?? 0)));
                }

                entries.Add(new GoldenEntry(id, t + ": monthly_usage_limit_usd", Number(tier.MonthlyUsageLimit.Value)));
            }

            if (model.AudioTokenRates is { } rates)
            {
                Rates(entries, id, rates);
            }

            entries.Add(new GoldenEntry(id, "deprecated", Date(model.Deprecated)));
            entries.Add(new GoldenEntry(id, "shutdown", Date(model.Shutdown)));
            foreach (var snapshot in model.Snapshots)
            {
                Prices(entries, snapshot.Id, snapshot.Prices);
                if (snapshot.Deprecated is not null || snapshot.Shutdown is not null)
                {
                    entries.Add(new GoldenEntry(snapshot.Id, "deprecated", Date(snapshot.Deprecated)));
                    entries.Add(new GoldenEntry(snapshot.Id, "shutdown", Date(snapshot.Shutdown)));
                }
            }
        }

        return entries;
    }

    /// <summary>The golden file's text for <paramref name="catalog"/>, columns aligned so a diff reads line by line.</summary>
    /// <param name="catalog">The catalog.</param>
    /// <param name="catalogName">The catalog's file name, shown in the heading.</param>
    public static string Render(ModelCatalog catalog, string catalogName)
    {
        var entries = Of(catalog);
        int subject = Math.Max("subject".Length, entries.Max(e => e.Subject.Length));
        int figure = Math.Max("figure".Length, entries.Max(e => e.Figure.Length));
        var text = new StringBuilder();
        text.Append("# Golden snapshot of ").Append(catalogName).Append('\n').Append('\n')
            .Append("Every figure in `").Append(catalogName).Append("` that prices or limits a request. `planner verify` fails when the\n")
            .Append("catalog and this file disagree, so no price changes by accident. To change a figure on purpose, edit the\n")
            .Append("catalog, run `planner verify <path to ").Append(catalogName).Append("> --update-golden` and commit both files together:\n")
            .Append("the reviewer sees the change in this table. Prices are USD per 1M tokens; a cached meter shows the rate\n")
            .Append("cached tokens bill at.\n\n");
        Row(text, "subject", subject, "figure", figure, "value");
        text.Append("|-").Append('-', subject).Append("-|-").Append('-', figure).Append("-|-------|\n");
        foreach (var e in entries)
        {
            Row(text, e.Subject, subject, e.Figure, figure, e.Value);
        }

        return text.ToString();
    }

    /// <summary>Reads the table of a golden file.</summary>
    /// <exception cref="PlannerException">A table row without three cells, or a figure listed twice (names file and line).</exception>
    public static IReadOnlyList<GoldenEntry> Parse(string text, string origin)
    {
        ArgumentNullException.ThrowIfNull(text);
        var entries = new List<GoldenEntry>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        bool header = true;
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (!line.StartsWith('|'))
            {
                continue;
            }

            string[] cells = line.Trim('|').Split('|');
            if (cells.Length != 3)
            {
                throw new PlannerException(PlannerErrorKind.InvalidCatalog,
                    $"{origin}:{i + 1}: a golden row must have 3 cells (subject | figure | value), got {cells.Length}");
            }

            if (header || cells.All(c => c.Trim().Trim('-', ':').Length == 0))
            {
                header = false;
                continue;
            }

            var entry = new GoldenEntry(cells[0].Trim(), cells[1].Trim(), cells[2].Trim());
            if (!seen.TryAdd(entry.Key, i + 1))
            {
                throw new PlannerException(PlannerErrorKind.InvalidCatalog,
                    $"{origin}:{i + 1}: '{entry.Key}' is listed twice (also line {seen[entry.Key]})");
            }

            entries.Add(entry);
        }

        if (entries.Count == 0)
        {
            throw new PlannerException(PlannerErrorKind.InvalidCatalog, $"{origin}: no golden figures found (expected a table | subject | figure | value |)");
        }

        return entries;
    }

    /// <summary>Every figure on which <paramref name="catalog"/> and <paramref name="golden"/> disagree:
    /// changed values first in the catalog's order, then figures only the golden file lists.</summary>
    public static IReadOnlyList<GoldenMismatch> Compare(IReadOnlyList<GoldenEntry> golden, IReadOnlyList<GoldenEntry> catalog)
    {
        ArgumentNullException.ThrowIfNull(golden);
        ArgumentNullException.ThrowIfNull(catalog);
        var expected = golden.ToDictionary(e => e.Key, StringComparer.Ordinal);
        var actualKeys = new HashSet<string>(catalog.Select(e => e.Key), StringComparer.Ordinal);
        var mismatches = new List<GoldenMismatch>();
        foreach (var actual in catalog)
        {
            string? want = expected.TryGetValue(actual.Key, out var e) ? e.Value : null;
            if (want != actual.Value)
            {
                mismatches.Add(new GoldenMismatch(actual.Subject, actual.Figure, want, actual.Value));
            }
        }

        foreach (var e in golden.Where(e => !actualKeys.Contains(e.Key)))
        {
            mismatches.Add(new GoldenMismatch(e.Subject, e.Figure, e.Value, null));
        }

        return mismatches;
    }

    private static void Prices(List<GoldenEntry> entries, string subject, IReadOnlyList<PriceSet> prices)
    {
        foreach (var set in prices)
        {
            string from = "price from " + set.EffectiveFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ": ";
            foreach (var meter in MeterTable.All)
            {
                entries.Add(new GoldenEntry(subject, from + meter.JsonKey, PriceText(set, meter)));
            }
        }
    }

    /// <summary>The listed price; for a cached meter without one, the rate it bills at; else "none".</summary>
    private static string PriceText(PriceSet set, MeterInfo meter)
    {
        if (set.Listed(meter.Meter) is { } listed)
        {
            return Number(listed.UsdPerMillion);
        }

        return set[meter.Meter] is { } fallback && meter.CachedFormOf is { } input
            ? Number(fallback.UsdPerMillion) + " (none listed: " + input.Info().JsonKey + " rate)"
            : "none (not billable)";
    }

    private static void Rates(List<GoldenEntry> entries, string subject, AudioTokenRates rates)
    {
        entries.Add(new GoldenEntry(subject, "audio_input_tokens_per_second", Number(rates.Input.TokensPerSecond)));
        entries.Add(new GoldenEntry(subject, "audio_output_tokens_per_second", Number(rates.Output.TokensPerSecond)));
    }

    private static void Row(StringBuilder text, string a, int aw, string b, int bw, string c) =>
        text.Append("| ").Append(a.PadRight(aw)).Append(" | ").Append(b.PadRight(bw)).Append(" | ").Append(c).Append(" |\n");

    private static string Number(decimal value) => (value / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "none";
}
