using Planner.Core.Catalog;
using static Planner.Web.Html.Html;

namespace Planner.Web.Html;

/// <summary>The lifecycle badge of a model on a day: active, deprecated (with its shutdown date and replacement), shut down.</summary>
public static class Badges
{
    /// <summary>The badge HTML.</summary>
    public static string Lifecycle(ResolvedModel model, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(model);
        string replacement = model.Replacement is { } r ? $"; use {r}" : "";
        return model.StatusAt(day) switch
        {
            LifecycleStatus.Deprecated => $"<span class=\"badge deprecated\" title=\"{E($"shuts down {Money.Date(model.Shutdown!.Value)}{replacement}")}\">Deprecated · shuts down {Money.Date(model.Shutdown!.Value)}</span>"
                + (model.Replacement is { } rep ? $" <span class=\"small muted\">replacement: <strong>{E(rep)}</strong></span>" : ""),
            LifecycleStatus.ShutDown => $"<span class=\"badge shutdown\">Shut down {Money.Date(model.Shutdown!.Value)}</span>"
                + (model.Replacement is { } rep2 ? $" <span class=\"small muted\">replacement: <strong>{E(rep2)}</strong></span>" : ""),
            LifecycleStatus.Unreleased => $"<span class=\"badge preview\">Released {Money.Date(model.Released!.Value)}</span>",
            _ => "<span class=\"badge active\">Active</span>",
        };
    }

    /// <summary>The API badge: Realtime or Chat Completions.</summary>
    public static string Api(ModelSpec model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return $"<span class=\"badge api\">{(model.Api == ModelApi.Realtime ? "Realtime" : "Chat Completions")}</span>";
    }
}
