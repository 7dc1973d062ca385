using Planner.Core.Catalog;
using Planner.Core.Pricing;

namespace Planner.Core.Regression;

/// <summary>Every difference between two valid catalogs: names, prices, caps, tier limits and
/// audio-token rates. Pure comparison; it prices nothing.</summary>
public sealed record CatalogDiff
{
    /// <summary>The catalog-wide subject of <see cref="FigureChange"/>s.</summary>
    public const string CatalogSubject = "catalog";

    /// <summary>Models, snapshots and aliases added, removed or pointed at another model.</summary>
    public required IReadOnlyList<NameChange> Names { get; init; }

    /// <summary>Prices that differ, by model, date and meter.</summary>
    public required IReadOnlyList<PriceChange> Prices { get; init; }

    /// <summary>Caps, tier limits, monthly usage limits and audio-token rates that differ.</summary>
    public required IReadOnlyList<FigureChange> Figures { get; init; }

    /// <summary>Deprecation and shutdown dates that differ.</summary>
    public required IReadOnlyList<LifecycleChange> Lifecycle { get; init; }

    /// <summary>How many differences in all.</summary>
    public int Count => Names.Count + Prices.Count + Figures.Count + Lifecycle.Count;

    /// <summary>True when the catalogs agree on every compared figure.</summary>
    public bool IsEmpty => Count == 0;

    /// <summary>Compares <paramref name="head"/> with <paramref name="base"/>, in base catalog order
    /// then head-only models.</summary>
    public static CatalogDiff Compare(ModelCatalog @base, ModelCatalog head)
    {
        ArgumentNullException.ThrowIfNull(@base);
        ArgumentNullException.ThrowIfNull(head);
        var names = new List<NameChange>();
        var prices = new List<PriceChange>();
        var figures = new List<FigureChange>();
        var lifecycle = new List<LifecycleChange>();

        var headModels = head.Models.ToDictionary(m => m.Id, StringComparer.OrdinalIgnoreCase);
        var baseIds = new HashSet<string>(@base.Models.Select(m => m.Id), StringComparer.OrdinalIgnoreCase);
        foreach (var old in @base.Models)
        {
            if (!headModels.TryGetValue(old.Id, out var @new))
            {
                names.Add(new NameChange(NameKind.Model, old.Id, old.Id, null));
                continue;
            }

            CompareModel(old, @new, @base, head, names, prices, figures, lifecycle);
        }

        foreach (var @new in head.Models.Where(m => !baseIds.Contains(m.Id)))
        {
            names.Add(new NameChange(NameKind.Model, @new.Id, null, @new.Id));
        }

        CompareAliases(@base, head, names);
        CompareRates(CatalogSubject, @base.AudioTokenRates, head.AudioTokenRates, figures);
        return new CatalogDiff { Names = names, Prices = prices, Figures = figures, Lifecycle = lifecycle };
    }

    private static void CompareModel(ModelSpec old, ModelSpec @new, ModelCatalog @base, ModelCatalog head,
        List<NameChange> names, List<PriceChange> prices, List<FigureChange> figures, List<LifecycleChange> lifecycle)
    {
        ComparePrices(old.Id, old.Prices, @new.Prices, prices);

        var headSnapshots = @new.Snapshots.ToDictionary(s => s.Id, StringComparer.OrdinalIgnoreCase);
        foreach (var snapshot in old.Snapshots)
        {
            if (!headSnapshots.TryGetValue(snapshot.Id, out var newSnapshot))
            {
                names.Add(new NameChange(NameKind.Snapshot, snapshot.Id, old.Id, null));
                continue;
            }

            // A snapshot without prices of its own bills at its model's, which are compared above.
            if (snapshot.Prices.Count > 0 || newSnapshot.Prices.Count > 0)
            {
                ComparePrices(snapshot.Id, snapshot.Prices.Count > 0 ? snapshot.Prices : old.Prices,
                    newSnapshot.Prices.Count > 0 ? newSnapshot.Prices : @new.Prices, prices);
            }

            CompareDate(snapshot.Id, "deprecated", snapshot.Deprecated, newSnapshot.Deprecated, lifecycle);
            CompareDate(snapshot.Id, "shutdown", snapshot.Shutdown, newSnapshot.Shutdown, lifecycle);
        }

        var baseSnapshots = new HashSet<string>(old.Snapshots.Select(s => s.Id), StringComparer.OrdinalIgnoreCase);
        foreach (var snapshot in @new.Snapshots.Where(s => !baseSnapshots.Contains(s.Id)))
        {
            names.Add(new NameChange(NameKind.Snapshot, snapshot.Id, null, @new.Id));
        }

        CompareFigure(old.Id, "context_window", FigureUnit.Tokens, old.ContextWindow.Value, @new.ContextWindow.Value, figures);
        CompareFigure(old.Id, "max_output_tokens", FigureUnit.Tokens, old.MaxOutputTokens.Value, @new.MaxOutputTokens.Value, figures);
        CompareTiers(old, @new, figures);
        if (old.AudioTokenRates is not null || @new.AudioTokenRates is not null)
        {
            CompareRates(old.Id, @base.RatesFor(old), head.RatesFor(@new), figures);
        }

        CompareDate(old.Id, "deprecated", old.Deprecated, @new.Deprecated, lifecycle);
        CompareDate(old.Id, "shutdown", old.Shutdown, @new.Shutdown, lifecycle);
    }

    /// <summary>Walks every date on which either history starts a price set and reports each meter
    /// whose price in effect that day differs, so added, removed and edited sets all read as
    /// "from this day, this meter costs X instead of Y".</summary>
    private static void ComparePrices(string subject, IReadOnlyList<PriceSet> old, IReadOnlyList<PriceSet> @new, List<PriceChange> changes)
    {
        var dates = old.Select(p => p.EffectiveFrom).Union(@new.Select(p => p.EffectiveFrom)).Order();
        foreach (var date in dates)
        {
            var at = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            int oi = PricingEngine.PriceIndexAt(old, at);
            int ni = PricingEngine.PriceIndexAt(@new, at);
            foreach (var meter in MeterTable.Meters)
            {
                // A cached meter that lists no price on either side bills at its input meter's rate,
                // whose change is reported already: listing it again would double every input change.
                if (meter.Info().IsCached && (oi < 0 || old[oi].Listed(meter) is null) && (ni < 0 || @new[ni].Listed(meter) is null))
                {
                    continue;
                }

                var before = oi < 0 ? (Units.PricePerMillionTokens?)null : old[oi][meter];
                var after = ni < 0 ? (Units.PricePerMillionTokens?)null : @new[ni][meter];
                if (before != after)
                {
                    changes.Add(new PriceChange(subject, meter, date, before, after));
                }
            }
        }
    }

    private static void CompareTiers(ModelSpec old, ModelSpec @new, List<FigureChange> figures)
    {
        var names = old.Tiers.Select(t => t.Name).Union(@new.Tiers.Select(t => t.Name), StringComparer.Ordinal);
        foreach (var name in names)
        {
            var before = old.FindTier(name);
            var after = @new.FindTier(name);
            string label = (before ?? after)!.DisplayName.ToLowerInvariant();
            CompareFigure(old.Id, label + " rpm", FigureUnit.RequestsPerMinute, before?.Rpm?.Value, after?.Rpm?.Value, figures);
            CompareFigure(old.Id, label + " tpm", FigureUnit.TokensPerMinute, before?.Tpm?.Value, after?.Tpm?.Value, figures);
            CompareFigure(old.Id, label + " monthly_usage_limit_usd", FigureUnit.Usd, before?.MonthlyUsageLimit.Value, after?.MonthlyUsageLimit.Value, figures);
        }
    }

    private static void CompareRates(string subject, AudioTokenRates old, AudioTokenRates @new, List<FigureChange> figures)
    {
        CompareFigure(subject, "audio_input_tokens_per_second", FigureUnit.TokensPerSecond, old.Input.TokensPerSecond, @new.Input.TokensPerSecond, figures);
        CompareFigure(subject, "audio_output_tokens_per_second", FigureUnit.TokensPerSecond, old.Output.TokensPerSecond, @new.Output.TokensPerSecond, figures);
    }

    private static void CompareAliases(ModelCatalog @base, ModelCatalog head, List<NameChange> names)
    {
        var old = AliasTargets(@base);
        var @new = AliasTargets(head);
        foreach (var (alias, target) in old)
        {
            string? now = @new.GetValueOrDefault(alias);
            if (!string.Equals(target, now, StringComparison.OrdinalIgnoreCase))
            {
                names.Add(new NameChange(NameKind.Alias, alias, target, now));
            }
        }

        foreach (var (alias, target) in @new.Where(a => !old.ContainsKey(a.Key)))
        {
            names.Add(new NameChange(NameKind.Alias, alias, null, target));
        }
    }

    private static Dictionary<string, string> AliasTargets(ModelCatalog catalog)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var model in catalog.Models)
        {
            foreach (var alias in model.Aliases)
            {
                result[alias] = model.Id;
            }
        }

        return result;
    }

    private static void CompareFigure(string subject, string figure, FigureUnit unit, decimal? old, decimal? @new, List<FigureChange> figures)
    {
        if (old != @new)
        {
            figures.Add(new FigureChange(subject, figure, unit, old, @new));
        }
    }

    private static void CompareDate(string subject, string figure, DateOnly? old, DateOnly? @new, List<LifecycleChange> lifecycle)
    {
        if (old != @new)
        {
            lifecycle.Add(new LifecycleChange(subject, figure, old, @new));
        }
    }
}
