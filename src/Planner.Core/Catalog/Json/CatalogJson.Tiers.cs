using System.Text.Json;
using Planner.Core.Units;

namespace Planner.Core.Catalog.Json;

public static partial class CatalogJson
{
    private sealed partial class Reader
    {
        /// <summary>Every scheme id written in the file, valid or not, so a model's table naming a scheme with
        /// its own error reports nothing more (the scheme's error says it).</summary>
        private readonly HashSet<string> _schemeIdsInFile = new(StringComparer.Ordinal);

        /// <summary>The tier schemes, ordered by date (the first undated) and each scheme's tiers by qualifying payment.</summary>
        private List<TierScheme> ReadTierSchemes(JsonElement root)
        {
            var result = new List<TierScheme>();
            if (Required(root, "", "tier_schemes", JsonValueKind.Array) is not { } array)
            {
                return result;
            }

            if (array.GetArrayLength() == 0)
            {
                Error("tier_schemes", "must list at least one tier scheme");
            }

            int i = 0;
            foreach (var s in array.EnumerateArray())
            {
                string sp = $"tier_schemes[{i++}]";
                if (s.ValueKind != JsonValueKind.Object)
                {
                    Error(sp, "must be an object");
                    continue;
                }

                int before = Errors.Count;
                Known(s, sp, "id", "effective_from", "source", "tiers");
                string? id = RequiredString(s, sp, "id");
                if (id is not null)
                {
                    _schemeIdsInFile.Add(id);
                }

                if (id is not null && !IsValidId(id))
                {
                    Error($"{sp}.id", $"'{id}' must be lowercase letters, digits, '.' and '-'");
                }
                else if (id is not null && result.Any(x => x.Id == id))
                {
                    Error($"{sp}.id", $"duplicate tier scheme '{id}'");
                }

                var from = OptionalDate(s, sp, "effective_from");
                if (i == 1 && from is not null)
                {
                    Error($"{sp}.effective_from", "must be null for the first scheme (it applies before every other)");
                }
                else if (i > 1 && from is null && s.TryGetProperty("effective_from", out _) is var present)
                {
                    Error($"{sp}.effective_from", present ? "must be a date for every scheme but the first" : "is required for every scheme but the first");
                }
                else if (from is { } f && result.Count > 0 && result[^1].EffectiveFrom is { } prev && f <= prev)
                {
                    Error($"{sp}.effective_from", $"{f:yyyy-MM-dd} is not after tier_schemes[{i - 2}]'s {prev:yyyy-MM-dd}: schemes must be in ascending date order");
                }

                var source = RequiredSource(s, sp);
                var tiers = Required(s, sp, "tiers", JsonValueKind.Array) is { } t ? ReadSchemeTiers(t, $"{sp}.tiers") : [];
                if (Errors.Count > before || id is null || source is null)
                {
                    continue;
                }

                result.Add(new TierScheme { Id = id, EffectiveFrom = from, Tiers = tiers, Source = source });
            }

            return result;
        }

        private List<SchemeTier> ReadSchemeTiers(JsonElement array, string path)
        {
            var result = new List<(SchemeTier Tier, string Path)>();
            if (array.GetArrayLength() == 0)
            {
                Error(path, "must list at least one tier");
            }

            int i = 0;
            foreach (var e in array.EnumerateArray())
            {
                string ep = $"{path}[{i++}]";
                if (e.ValueKind != JsonValueKind.Object)
                {
                    Error(ep, "must be an object");
                    continue;
                }

                int before = Errors.Count;
                Known(e, ep, "tier", "qualifying_payment_usd", "monthly_usage_limit_usd", "qualification");
                var name = ReadTierName(e, ep);
                if (name is { } n && result.Any(x => x.Tier.Name == n))
                {
                    Error($"{ep}.tier", $"duplicate tier \"{n.Key}\"");
                }

                decimal? payment = NonNegativeNumber(e, ep, "qualifying_payment_usd");
                decimal? limit = NonNegativeNumber(e, ep, "monthly_usage_limit_usd");
                string? qualification = RequiredString(e, ep, "qualification");
                if (Errors.Count > before || name is null || payment is null || limit is null || qualification is null)
                {
                    continue;
                }

                result.Add((new SchemeTier
                {
                    Name = name.Value,
                    QualifyingPayment = Usd.FromDollars(payment.Value),
                    MonthlyUsageLimit = Usd.FromDollars(limit.Value),
                    Qualification = qualification,
                }, ep));
            }

            // The ladder is ordered here, once, by what qualifies for each tier, whatever the file's order. A stable
            // insertion sort (as OrderBy, which is stable) over a handful of tiers: LINQ's sorter over these tuples is
            // generic code the ReadyToRun image cannot hold, JIT-compiled (some 30 methods) on every start (issue 13.1).
            var ordered = new List<(SchemeTier Tier, string Path)>(result);
            for (int k = 1; k < ordered.Count; k++)
            {
                var tier = ordered[k];
                int j = k - 1;
                for (; j >= 0 && ordered[j].Tier.QualifyingPayment > tier.Tier.QualifyingPayment; j--)
                {
                    ordered[j + 1] = ordered[j];
                }

                ordered[j + 1] = tier;
            }

            for (int k = 1; k < ordered.Count; k++)
            {
                if (ordered[k].Tier.QualifyingPayment == ordered[k - 1].Tier.QualifyingPayment)
                {
                    Error($"{ordered[k].Path}.qualifying_payment_usd",
                        $"equals {ordered[k - 1].Path}'s: two tiers of one scheme cannot qualify at the same payment (the ladder would have no order)");
                }
            }

            var ladder = new List<SchemeTier>(ordered.Count);
            foreach (var (tier, _) in ordered)
            {
                ladder.Add(tier);
            }

            return ladder;
        }

        private TierName? ReadTierName(JsonElement e, string path)
        {
            if (RequiredString(e, path, "tier") is not { } text)
            {
                return null;
            }

            // Written in its canonical key only ("free", "2", "build"), so the file reads one way.
            if (!TierName.TryParse(text, out var name, out _) || name.Key != text)
            {
                Error($"{path}.tier", $"must be \"free\", a tier number such as \"1\", or a lowercase tier name such as \"build\", got \"{text}\"");
                return null;
            }

            return name;
        }

        /// <summary>A model's rate limits, one table per scheme; each ladder ordered by its scheme.</summary>
        private List<TierLadder> ReadTiers(JsonElement array, string path, IReadOnlyList<TierScheme> schemes)
        {
            var result = new List<TierLadder>();
            int i = 0;
            foreach (var t in array.EnumerateArray())
            {
                string tp = $"{path}[{i++}]";
                if (t.ValueKind != JsonValueKind.Object)
                {
                    Error(tp, "must be an object");
                    continue;
                }

                int before = Errors.Count;
                Known(t, tp, "scheme", "source", "entries");
                string? schemeId = RequiredString(t, tp, "scheme");
                var scheme = schemeId is null ? null : schemes.FirstOrDefault(s => s.Id == schemeId);
                if (schemeId is not null && scheme is null && !_schemeIdsInFile.Contains(schemeId))
                {
                    Error($"{tp}.scheme", $"'{schemeId}' is no tier scheme of this catalog (schemes: {string.Join(", ", schemes.Select(s => s.Id))})");
                }
                else if (scheme is not null && result.Any(l => l.Scheme.Id == scheme.Id))
                {
                    Error($"{tp}.scheme", $"duplicate table for scheme '{scheme.Id}'");
                }

                var source = RequiredSource(t, tp);
                if (Required(t, tp, "entries", JsonValueKind.Array) is not { } entries)
                {
                    continue;
                }

                if (entries.GetArrayLength() == 0)
                {
                    Error($"{tp}.entries", "must list at least one tier");
                }

                var tiers = new List<UsageTier>();
                int k = 0;
                foreach (var e in entries.EnumerateArray())
                {
                    if (ReadTier(e, $"{tp}.entries[{k++}]", scheme, source, tiers) is { } tier)
                    {
                        tiers.Add(tier);
                    }
                }

                if (Errors.Count == before && scheme is not null)
                {
                    result.Add(new TierLadder(scheme, tiers));
                }
            }

            return result;
        }

        private UsageTier? ReadTier(JsonElement e, string ep, TierScheme? scheme, Source? tableSource, List<UsageTier> earlier)
        {
            if (e.ValueKind != JsonValueKind.Object)
            {
                Error(ep, "must be an object");
                return null;
            }

            int before = Errors.Count;
            Known(e, ep, "tier", "supported", "rpm", "tpm", "source");
            var name = ReadTierName(e, ep);
            SchemeTier? defined = null;
            if (name is { } n)
            {
                if (earlier.Any(x => x.Tier == n))
                {
                    Error($"{ep}.tier", $"duplicate tier \"{n.Key}\"");
                }
                else if (scheme is not null && (defined = scheme.Find(n)) is null)
                {
                    Error($"{ep}.tier", $"\"{n.Key}\" is no tier of scheme '{scheme.Id}' (tiers: {string.Join(", ", scheme.Tiers.Select(t => t.Name.Key))})");
                }
            }

            bool? supported = RequiredBool(e, ep, "supported");
            long? rpm = e.TryGetProperty("rpm", out _) ? PositiveInt(e, ep, "rpm") : null;
            long? tpm = e.TryGetProperty("tpm", out _) ? PositiveInt(e, ep, "tpm") : null;
            if (supported == true)
            {
                foreach (string limitName in (string[])["rpm", "tpm"])
                {
                    if (!e.TryGetProperty(limitName, out _))
                    {
                        Error($"{ep}.{limitName}", "is required for a supported tier");
                    }
                }
            }
            else if (supported == false)
            {
                foreach (string limitName in (string[])["rpm", "tpm"])
                {
                    if (e.TryGetProperty(limitName, out _))
                    {
                        Error($"{ep}.{limitName}", "must be absent for a tier that is not supported (supported is false)");
                    }
                }
            }

            var source = e.TryGetProperty("source", out _) ? RequiredSource(e, ep) : tableSource;
            if (Errors.Count > before || name is null || supported is null || source is null || scheme is null || defined is null)
            {
                return null;
            }

            return new UsageTier
            {
                Tier = name.Value,
                SchemeId = scheme.Id,
                Supported = supported.Value,
                Rpm = supported.Value && rpm is { } rr ? new RequestsPerMinute(rr) : null,
                Tpm = supported.Value && tpm is { } tt ? new TokensPerMinute(tt) : null,
                MonthlyUsageLimit = defined.MonthlyUsageLimit,
                Qualification = defined.Qualification,
                Source = source,
                UsageLimitSource = scheme.Source,
            };
        }
    }
}
