using System.Globalization;
using System.Text.Json;
using Planner.Core.Units;

namespace Planner.Core.Catalog.Json;

public static partial class CatalogJson
{
    private sealed partial class Reader
    {
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
    }
}
