using System.Text.Json;
using Planner.Core.Catalog;
using Planner.Core.Projection;
using Planner.Core.Units;

namespace Planner.Cli.Rendering;

/// <summary>A projection as JSON: <c>{"total": {"months", "mean_usd", "p10_usd", ...}, "months": [{"month", "mean_usd", "p10_usd", ...}], "comparison": [...], "assumptions": [...]}</c>.</summary>
public static class ProjectionJson
{
    public static void Write(TextWriter output, ProjectionResult result, string source, Assumptions assumptions, Warnings? warnings = null, TraceGroups? groups = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(assumptions);
        JsonOutput.Write(output, w =>
        {
            w.WriteStartObject();
            w.WriteString("source", source);
            w.WriteBoolean("exact", result.IsExact);
            if (!result.IsExact)
            {
                w.WriteNumber("runs", result.Options.Runs);
                w.WriteNumber("seed", result.Options.Seed);
            }

            w.WriteDecimal("growth_percent", result.Options.GrowthPercent);
            w.WriteDecimal("scale", result.Options.Scale);
            if (result.Options.Budget is { } budget)
            {
                w.WriteUsd("budget_usd", budget);
            }

            WriteMonths(w, result.Targets[0]);
            if (result.Targets.Count > 1)
            {
                w.WriteStartArray("comparison");
                foreach (var target in result.Targets)
                {
                    w.WriteStartObject();
                    w.WriteString("model", target.Target.Name);
                    WriteMonths(w, target);
                    if (target.SavingVersusFirst.Count > 0)
                    {
                        w.WriteString("saving_against", result.Targets[0].Target.Name);
                        w.WriteStartArray("saving");
                        foreach (var s in target.SavingVersusFirst)
                        {
                            w.WriteStartObject();
                            w.WriteNumber("month", s.Month);
                            WriteDistribution(w, s.Mean, s.P10, s.P50, s.P90, p99: null);
                            w.WriteEndObject();
                        }

                        w.WriteEndArray();
                    }

                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }

            if (groups is { } g)
            {
                // The trace as read, per group (exact, not projected): "by": {"field", "groups": [{"group", "requests", "total_usd"}]}.
                TraceReport.WriteGroupsJson(w, g.Field, g.Costs);
            }

            new Warnings().Add(warnings?.Items ?? []).Add(result.Warnings).WriteJson(w);
            assumptions.WriteJson(w);
            w.WriteEndObject();
        });
    }

    private static void WriteMonths(Utf8JsonWriter w, TargetProjection target)
    {
        var total = target.Total;
        w.WriteStartObject("total");
        w.WriteNumber("months", total.Months);
        WriteDistribution(w, total.Mean, total.P10, total.P50, total.P90, total.P99);
        w.WriteEndObject();
        w.WriteStartArray("months");
        foreach (var m in target.Months)
        {
            w.WriteStartObject();
            w.WriteNumber("month", m.Month);
            w.WriteDecimal("traffic_factor", m.TrafficFactor);
            w.WriteDecimal("expected_requests", m.ExpectedRequests);
            WriteDistribution(w, m.Mean, m.P10, m.P50, m.P90, m.P99);
            w.WriteUsd("standard_error_usd", m.StandardError);
            if (m.ExceedsBudgetProbability is { } p)
            {
                w.WriteNumber("p_exceed_budget", p);
            }

            w.WriteStartObject("organization_tier");
            WriteTier(w, m.OrganizationTier);
            if (m.OrganizationTier is { } orgTier)
            {
                w.WriteUsd("monthly_usage_limit_usd", orgTier.MonthlyUsageLimit);
            }

            w.WriteUsd("spend_usd", m.OrganizationSpend);
            w.WriteEndObject();
            w.WriteStartArray("tiers");
            foreach (var need in m.Tiers)
            {
                w.WriteStartObject();
                w.WriteString("model", need.ModelId);
                WriteTier(w, need.Tier);

                w.WriteNumber("peak_rpm", need.PeakRpm);
                w.WriteNumber("peak_tpm", need.PeakTpm);
                w.WriteUsd("spend_usd", need.Spend);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    /// <summary>"mean_usd", "p10_usd", "p50_usd", "p90_usd" and, when given, "p99_usd".</summary>
    private static void WriteDistribution(Utf8JsonWriter w, Usd mean, Usd p10, Usd p50, Usd p90, Usd? p99)
    {
        w.WriteUsd("mean_usd", mean);
        w.WriteUsd("p10_usd", p10);
        w.WriteUsd("p50_usd", p50);
        w.WriteUsd("p90_usd", p90);
        if (p99 is { } top)
        {
            w.WriteUsd("p99_usd", top);
        }
    }

    /// <summary>"tier": its name, or null when no tier suffices.</summary>
    private static void WriteTier(Utf8JsonWriter w, UsageTier? tier)
    {
        if (tier is not null)
        {
            w.WriteString("tier", tier.Name);
        }
        else
        {
            w.WriteNull("tier");
        }
    }
}
