using Planner.Contract.Queries;
using Planner.Contract.Results;
using Planner.Core.Catalog;

namespace Planner.Contract.Services;

/// <summary>Runs <c>limits</c>: each model's tiers of the scheme in effect on <c>now</c>'s day.</summary>
public static class LimitsService
{
    /// <summary>The result; an unknown model throws <see cref="Planner.Core.PlannerException"/>.</summary>
    public static LimitsResult Run(LimitsQuery query, ModelCatalog catalog, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(catalog);
        var models = query.Model is { } name ? [catalog.Resolve(name).Model] : catalog.Models.ToList();
        var day = DateOnly.FromDateTime(now.UtcDateTime);
        return new LimitsResult
        {
            Models = [.. models.Select(model => new LimitsModel
            {
                Model = model.Id,
                TiersOn = day,
                Tiers = [.. ((IReadOnlyList<UsageTier>?)catalog.TiersAt(model, day) ?? []).Select(t => new LimitsTier
                {
                    Tier = t.Name,
                    Supported = t.Supported,
                    Rpm = t.Rpm is not null && t.Tpm is not null ? t.Rpm.Value.Value : null,
                    Tpm = t.Rpm is not null && t.Tpm is not null ? t.Tpm.Value.Value : null,
                    MonthlyUsageLimitUsd = t.MonthlyUsageLimit,
                    Qualification = t.Qualification,
                    Source = t.Source.Url,
                    Assumption = t.Source.IsAssumption,
                    AssumptionNote = t.Source.IsAssumption ? t.Source.Note : null,
                    UsageLimitSource = t.UsageLimitSource.Url,
                })],
            })],
        };
    }
}
