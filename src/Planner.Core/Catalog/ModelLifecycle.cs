using System.Globalization;

namespace Planner.Core.Catalog;

/// <summary>What a model's lifecycle means for a request on a given day: an error before its release or
/// from its shutdown on, a warning while it is deprecated or while its price on that day is uncertain.</summary>
public static class ModelLifecycle
{
    /// <summary>The warning key of a deprecated model.</summary>
    public const string DeprecatedKey = "model_deprecated";

    /// <summary>The warning key of a request priced inside a price change whose day is unknown.</summary>
    public const string PriceDateUncertainKey = "price_date_uncertain";

    /// <summary>Throws when <paramref name="model"/> cannot serve a request on <paramref name="day"/>.</summary>
    /// <exception cref="PlannerException">Before the release date (<see cref="PlannerErrorKind.BeforeRelease"/>) or on or
    /// after the shutdown date (<see cref="PlannerErrorKind.AfterShutdown"/>), naming the date and the replacement.</exception>
    public static void EnsureAvailable(ResolvedModel model, DateOnly day) => EnsureAvailable(model, day, Date(day));

    /// <summary>As <see cref="EnsureAvailable(ResolvedModel, DateOnly)"/>, naming the request's instant.</summary>
    public static void EnsureAvailable(ResolvedModel model, DateTimeOffset at) =>
        EnsureAvailable(model, DateOnly.FromDateTime(at.UtcDateTime), at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));

    private static void EnsureAvailable(ResolvedModel model, DateOnly day, string dated)
    {
        ArgumentNullException.ThrowIfNull(model);
        switch (model.StatusAt(day))
        {
            case LifecycleStatus.Unreleased:
                throw new PlannerException(PlannerErrorKind.BeforeRelease,
                    $"{model.BillingId} was released on {Date(model.Released!.Value)}; the request is dated {dated}");
            case LifecycleStatus.ShutDown:
                throw new PlannerException(PlannerErrorKind.AfterShutdown,
                    $"{model.BillingId} was shut down on {Date(model.Shutdown!.Value)}; the request is dated {dated}{Recommends(model)}");
        }
    }

    /// <summary>The warnings a request on <paramref name="model"/> dated <paramref name="day"/> carries (none when all is well).</summary>
    public static IReadOnlyList<PlannerWarning> WarningsAt(ResolvedModel model, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(model);
        List<PlannerWarning>? warnings = null;
        if (model.StatusAt(day) == LifecycleStatus.Deprecated)
        {
            (warnings ??= []).Add(new PlannerWarning(DeprecatedKey,
                $"{model.RequestedName} is deprecated: it shuts down on {Date(model.Shutdown!.Value)}{Recommends(model)}"));
        }

        foreach (var window in model.PriceChangeWindows)
        {
            if (window.Contains(day))
            {
                (warnings ??= []).Add(new PlannerWarning(PriceDateUncertainKey,
                    $"{model.Model.Id}'s prices changed on an unknown day between {Date(window.From.AddDays(-1))} and {Date(window.ConfirmedFrom)}; " +
                    $"a request dated {Date(day)} is priced at the new prices, and the old ones may still have applied"));
            }
        }

        return warnings ?? (IReadOnlyList<PlannerWarning>)[];
    }

    /// <summary>The warnings of several requests, each condition once: a model's deprecation once however many
    /// days it is used on; a price window once per model.</summary>
    public static IReadOnlyList<PlannerWarning> Distinct(IEnumerable<PlannerWarning> warnings)
    {
        ArgumentNullException.ThrowIfNull(warnings);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<PlannerWarning>();
        foreach (var warning in warnings)
        {
            string key = warning.Key == PriceDateUncertainKey ? warning.Message[..warning.Message.IndexOf("; a request", StringComparison.Ordinal)] : warning.Message;
            if (seen.Add(key))
            {
                result.Add(warning);
            }
        }

        return result;
    }

    private static string Recommends(ResolvedModel model) => model.Replacement is { } r ? $"; OpenAI recommends {r}" : "";

    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
