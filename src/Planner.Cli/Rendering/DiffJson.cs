using System.Text.Json;
using Planner.Core.Regression;

namespace Planner.Cli.Rendering;

/// <summary>A diff as JSON for machines: money and prices as exact numbers, percentages rounded
/// half away from zero to 6 decimals (null where undefined).</summary>
public static class DiffJson
{
    public static void Write(TextWriter output, DiffView view, Warnings warnings)
    {
        ArgumentNullException.ThrowIfNull(warnings);
        ArgumentNullException.ThrowIfNull(view);
        var report = view.Report;
        var diff = report.Catalog;
        JsonOutput.Write(output, w =>
        {
            w.WriteStartObject();
            w.WriteBoolean("passed", report.Passed);
            w.WriteString("summary", view.Summary());
            Catalog(w, "base", view.BasePath, view.BaseVersion);
            Catalog(w, "head", view.HeadPath, view.HeadVersion);
            w.WriteNumber("catalog_changes", diff.Count);
            warnings.WriteJson(w);

            w.WriteStartArray("prices");
            foreach (var p in diff.Prices)
            {
                w.WriteStartObject();
                w.WriteString("model", p.Model);
                w.WriteString("meter", Meters.JsonName(p.Meter));
                w.WriteString("effective_from", DiffView.Date(p.EffectiveFrom));
                Nullable(w, "old_usd_per_million", p.Old?.UsdPerMillion);
                Nullable(w, "new_usd_per_million", p.New?.UsdPerMillion);
                Percent(w, p.Percent);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("names");
            foreach (var n in diff.Names)
            {
                w.WriteStartObject();
                w.WriteString("kind", DiffView.KindName(n.Kind));
                w.WriteString("name", n.Name);
                w.WriteString("change", n.IsAdded ? "added" : n.IsRemoved ? "removed" : "retargeted");
                Nullable(w, "old_model", n.Old);
                Nullable(w, "new_model", n.New);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("figures");
            foreach (var f in diff.Figures)
            {
                w.WriteStartObject();
                w.WriteString("subject", f.Subject);
                w.WriteString("figure", f.Figure);
                w.WriteString("unit", JsonNamingPolicy.SnakeCaseLower.ConvertName(f.Unit.ToString()));
                Nullable(w, "old", f.Old);
                Nullable(w, "new", f.New);
                Percent(w, f.Percent);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("lifecycle");
            foreach (var l in diff.Lifecycle)
            {
                w.WriteStartObject();
                w.WriteString("subject", l.Subject);
                w.WriteString("figure", l.Figure);
                Nullable(w, "old", l.Old is null ? null : DiffView.Date(l.Old));
                Nullable(w, "new", l.New is null ? null : DiffView.Date(l.New));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("workloads");
            foreach (var i in report.Workloads)
            {
                w.WriteStartObject();
                w.WriteString("name", i.Name);
                w.WriteNumber("requests", i.Base.Requests);
                w.WriteUsd("base_usd", i.Base.Total);
                w.WriteUsd("head_usd", i.Head.Total);
                w.WriteUsd("change_usd", i.Change);
                Percent(w, i.Percent);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartObject("thresholds");
            Nullable(w, "fail_above_percent", report.Thresholds.FailAbovePercent);
            Nullable(w, "fail_below_percent", report.Thresholds.FailBelowPercent);
            w.WriteEndObject();
            w.WriteStartArray("breaches");
            foreach (var b in report.Breaches)
            {
                w.WriteStartObject();
                w.WriteString("workload", b.Impact.Name);
                w.WriteString("direction", b.Direction == ThresholdDirection.Rise ? "rise" : "fall");
                w.WriteDecimal("threshold_percent", b.ThresholdPercent);
                Percent(w, b.Impact.Percent);
                w.WriteString("message", DiffView.Describe(b));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static void Catalog(Utf8JsonWriter w, string name, string path, string? version)
    {
        w.WriteStartObject(name);
        w.WriteString("path", path);
        Nullable(w, "version", version);
        w.WriteEndObject();
    }

    private static void Percent(Utf8JsonWriter w, decimal? percent) =>
        Nullable(w, "change_percent", percent is { } p ? Math.Round(p, 6, MidpointRounding.AwayFromZero) : null);

    private static void Nullable(Utf8JsonWriter w, string name, decimal? value)
    {
        if (value is { } v)
        {
            w.WriteDecimal(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void Nullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }
}
