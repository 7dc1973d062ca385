using Planner.Contract;
using Planner.Contract.Queries;
using Planner.Core.Catalog;

namespace Planner.Web.Pages;

/// <summary>The Your usage page's fields: the tier to simulate (<c>tier</c>: <see cref="Recommended"/>, <see cref="None"/>
/// or a tier of a scheme) and the reconciliation's <c>tolerance</c>; the other settings are the CLI's defaults.</summary>
internal sealed record UsageSettings(string Tier, ReconcileQuery Reconcile)
{
    /// <summary>Simulate at the tier the recommendation picks (the default).</summary>
    public const string Recommended = "recommended";

    /// <summary>Price (and reconcile) only: for usage exports a simulation cannot read (daily buckets).</summary>
    public const string None = "none";

    /// <summary>The page's field names.</summary>
    public static IReadOnlyList<string> FieldNames { get; } = ["tier", "tolerance"];

    /// <summary>True unless the tier is <see cref="None"/>.</summary>
    public bool Simulates => Tier != None;

    /// <summary>Reads the fields; every problem at once, by field.</summary>
    public static (UsageSettings Settings, IReadOnlyList<FieldError> Errors) Read(Func<string, string?> field, ModelCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(catalog);
        var errors = new List<FieldError>();
        string tier = field("tier") is { Length: > 0 } t ? t : Recommended;
        if (tier is not (Recommended or None) && !catalog.TierSchedule.Schemes.Any(s => s.Tiers.Any(x => x.Name.Key == tier)))
        {
            errors.Add(new("tier", $"tier must be recommended, none or one of {string.Join(", ", catalog.TierSchedule.Schemes.SelectMany(s => s.Tiers).Select(x => x.Name.Key).Distinct())}, got '{tier}'"));
        }

        var reconcile = new ReconcileQuery { Tolerance = field("tolerance") is { Length: > 0 } tolerance ? tolerance : null };
        errors.AddRange(reconcile.Validate());
        return (new UsageSettings(tier, reconcile), errors);
    }
}
