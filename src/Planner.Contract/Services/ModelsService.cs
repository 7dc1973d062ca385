using Planner.Contract.Queries;
using Planner.Contract.Results;
using Planner.Core.Catalog;
using Planner.Core.Pricing;

namespace Planner.Contract.Services;

/// <summary>Runs <c>models</c>: the catalog as it stood on the query's day.</summary>
public static class ModelsService
{
    public static ModelsResult Run(ModelsQuery query, ModelCatalog catalog, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(catalog);
        var day = query.Day(now);
        return new ModelsResult
        {
            CatalogVersion = catalog.Version,
            At = day,
            AudioTokenRates = AudioRatesItem.From(catalog.AudioTokenRates),
            Models = [.. catalog.Models.Select(m => Entry(m, day))],
        };
    }

    /// <summary>"active", "deprecated", "shut_down" or "unreleased".</summary>
    public static string StatusKey(LifecycleStatus status) => status switch
    {
        LifecycleStatus.Unreleased => "unreleased",
        LifecycleStatus.Deprecated => "deprecated",
        LifecycleStatus.ShutDown => "shut_down",
        _ => "active",
    };

    private static ModelsEntry Entry(ModelSpec m, DateOnly day)
    {
        var model = new ResolvedModel(m, null, m.Id);
        return new ModelsEntry
        {
            Id = m.Id,
            DisplayName = m.DisplayName,
            Description = m.Description,
            Aliases = m.Aliases,
            Snapshots = [.. m.Snapshots.Select(s => s.Id)],
            ContextWindow = m.ContextWindow.Value,
            MaxOutputTokens = m.MaxOutputTokens.Value,
            KnowledgeCutoff = m.KnowledgeCutoff,
            Api = CapacityService.ApiName(m.Api),
            Status = StatusKey(model.StatusAt(day)),
            Released = m.Released,
            Deprecated = m.Deprecated,
            Shutdown = m.Shutdown,
            Replacement = m.Replacement,
            ReplacementObserved = m.Replacement is not null ? m.ReplacementObserved : null,
            Prices = [.. m.Prices.Select(ModelPriceSet.From)],
            PricesInEffectFrom = InEffect(m.Prices, day),
            AudioTokenRates = m.AudioTokenRates is { } own ? AudioRatesItem.From(own) : null,
            SnapshotDetails = [.. m.Snapshots.Select(s =>
            {
                var snapshot = new ResolvedModel(m, s, s.Id);
                return new ModelsSnapshot
                {
                    Id = s.Id,
                    Status = StatusKey(snapshot.StatusAt(day)),
                    Shutdown = snapshot.Shutdown,
                    Replacement = snapshot.Replacement,
                    Prices = [.. s.Prices.Select(ModelPriceSet.From)],
                    PricesInEffectFrom = s.Prices.Count > 0 ? InEffect(s.Prices, day) : null,
                };
            })],
        };
    }

    private static DateOnly? InEffect(IReadOnlyList<PriceSet> prices, DateOnly day)
    {
        int index = PricingEngine.PriceIndexAt(prices, new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        return index < 0 ? null : prices[index].EffectiveFrom;
    }
}
