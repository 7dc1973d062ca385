using System.Text.Json;
using Planner.Core.Projection;

namespace Planner.Cli.Rendering;

/// <summary>A projection as JSON: <c>{"total": {"months", "mean_usd", "p10_usd", ...}, "months": [{"month", "mean_usd", "p10_usd", ...}], "comparison": [...], "assumptions": [...]}</c>.</summary>
public static class ProjectionJson
{
    public static void Write(TextWriter output, ProjectionResult result, string source, Assumptions assumptions)
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
                            w.WriteUsd("mean_usd", s.Mean);
                            w.WriteUsd("p10_usd", s.P10);
                            w.WriteUsd("p50_usd", s.P50);
                            w.WriteUsd("p90_usd", s.P90);
                            w.WriteEndObject();
                        }

                        w.WriteEndArray();
                    }

                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }

            assumptions.WriteJson(w);
            w.WriteEndObject();
        });
    }

    private static void WriteMonths(Utf8JsonWriter w, TargetProjection target)
    {
        var total = target.Total;
        w.WriteStartObject("total");
        w.WriteNumber("months", total.Months);
        w.WriteUsd("mean_usd", total.Mean);
        w.WriteUsd("p10_usd", total.P10);
        w.WriteUsd("p50_usd", total.P50);
        w.WriteUsd("p90_usd", total.P90);
        w.WriteUsd("p99_usd", total.P99);
        w.WriteEndObject();
        w.WriteStartArray("months");
        foreach (var m in target.Months)
        {
            w.WriteStartObject();
            w.WriteNumber("month", m.Month);
            w.WriteDecimal("traffic_factor", m.TrafficFactor);
            w.WriteDecimal("expected_requests", m.ExpectedRequests);
            w.WriteUsd("mean_usd", m.Mean);
            w.WriteUsd("p10_usd", m.P10);
            w.WriteUsd("p50_usd", m.P50);
            w.WriteUsd("p90_usd", m.P90);
            w.WriteUsd("p99_usd", m.P99);
            w.WriteUsd("standard_error_usd", m.StandardError);
            if (m.ExceedsBudgetProbability is { } p)
            {
                w.WriteNumber("p_exceed_budget", p);
            }

            w.WriteStartObject("organization_tier");
            if (m.OrganizationTier is { } orgTier)
            {
                w.WriteString("tier", orgTier.Name);
                w.WriteUsd("monthly_usage_limit_usd", orgTier.MonthlyUsageLimit);
            }
            else
            {
                w.WriteNull("tier");
            }

            w.WriteUsd("spend_usd", m.OrganizationSpend);
            w.WriteEndObject();
            w.WriteStartArray("tiers");
            foreach (var need in m.Tiers)
            {
                w.WriteStartObject();
                w.WriteString("model", need.ModelId);
                if (need.Tier is { } tier)
                {
                    w.WriteString("tier", tier.Name);
                }
                else
                {
                    w.WriteNull("tier");
                }

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
}
