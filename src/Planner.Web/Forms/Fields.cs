using Planner.Core.Catalog;
using static Planner.Web.Html.Html;

namespace Planner.Web.Forms;

/// <summary>Form inputs with their label, hint and error: the error sits beside the input whose name is its field,
/// tied to it with aria-describedby, and the input is marked aria-invalid.</summary>
public static class Fields
{
    /// <summary>A labelled input.</summary>
    public static string Input(FormValues form, string name, string label, string? hint = null, string type = "text",
        string? placeholder = null, string? value = null, string inputMode = "decimal")
    {
        ArgumentNullException.ThrowIfNull(form);
        string? error = form.ErrorFor(name);
        string described = string.Join(' ', new[] { hint is null ? null : name + "-hint", error is null ? null : name + "-error" }.Where(x => x is not null));
        string mode = type == "text" && inputMode.Length > 0 ? $" inputmode=\"{inputMode}\"" : "";
        return $"""
            <div class="field"><label for="{name}">{E(label)}</label><input type="{type}" id="{name}" name="{name}" value="{E(value ?? form.Raw(name))}"{mode}{(placeholder is null ? "" : $" placeholder=\"{E(placeholder)}\"")}{(described.Length > 0 ? $" aria-describedby=\"{described}\"" : "")}{(error is null ? "" : " aria-invalid=\"true\"")}>{(hint is null ? "" : $"<span class=\"hint\" id=\"{name}-hint\">{E(hint)}</span>")}{(error is null ? "" : $"<span class=\"error\" id=\"{name}-error\" role=\"alert\">{E(error)}</span>")}</div>
            """;
    }

    /// <summary>A select of the catalog's models (id, with "deprecated" or "shut down" after it).</summary>
    public static string ModelSelect(FormValues form, string name, string label, ModelCatalog catalog, DateOnly today, string selected, Func<ModelSpec, bool>? filter = null)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(catalog);
        string? error = form.ErrorFor(name);
        var options = new System.Text.StringBuilder();
        foreach (var model in catalog.Models.Where(m => filter?.Invoke(m) ?? true))
        {
            var resolved = catalog.Resolve(model.Id);
            string status = resolved.StatusAt(today) switch
            {
                LifecycleStatus.Deprecated => " (deprecated)",
                LifecycleStatus.ShutDown => " (shut down)",
                LifecycleStatus.Unreleased => " (unreleased)",
                _ => "",
            };
            options.Append($"<option value=\"{E(model.Id)}\"{(model.Id == selected ? " selected" : "")}>{E(model.Id + status)}</option>");
        }

        if (!catalog.Models.Any(m => m.Id == selected) && selected.Length > 0)
        {
            options.Insert(0, $"<option value=\"{E(selected)}\" selected>{E(selected)}</option>");
        }

        return $"""
            <div class="field"><label for="{name}">{E(label)}</label><select id="{name}" name="{name}"{(error is null ? "" : $" aria-invalid=\"true\" aria-describedby=\"{name}-error\"")}>{options}</select>{(error is null ? "" : $"<span class=\"error\" id=\"{name}-error\" role=\"alert\">{E(error)}</span>")}</div>
            """;
    }

    /// <summary>The banner of errors that belong to no single field, and a count of the rest.</summary>
    public static string ErrorBanner(FormValues form, IReadOnlyCollection<string> fieldNames)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (form.Errors.Count == 0)
        {
            return "";
        }

        var loose = form.Errors.Where(e => !fieldNames.Contains(e.Field)).Select(e => $"<p>{E(e.Message)}</p>");
        int beside = form.Errors.Count(e => fieldNames.Contains(e.Field));
        string count = beside == 0 ? "" : $"<p>{beside} field{(beside == 1 ? "" : "s")} need{(beside == 1 ? "s" : "")} a change: see the message{(beside == 1 ? "" : "s")} beside {(beside == 1 ? "it" : "them")}.</p>";
        return $"<div class=\"banner bad\" role=\"alert\">{string.Concat(loose)}{count}</div>";
    }
}
