using System.Globalization;
using System.Text.Json;
using Planner.Core;
using Planner.Core.Calls;
using Planner.Core.Catalog;
using Planner.Core.Pricing;
using Spectre.Console;

namespace Planner.Cli.Rendering;

/// <summary>What the call commands still share in the CLI: a plan's assumptions, warnings in yellow, the API's names.</summary>
public static class CallView
{
    /// <summary>The call's assumptions added to <paramref name="assumptions"/>.</summary>
    public static Assumptions Add(Assumptions assumptions, CallPlan plan)
    {
        ArgumentNullException.ThrowIfNull(assumptions);
        ArgumentNullException.ThrowIfNull(plan);
        foreach (var a in plan.Assumptions)
        {
            assumptions.Add(a.Key, a.Value, a.Why);
        }

        return assumptions;
    }

    /// <summary>Warnings in yellow, one a line; nothing when there are none.</summary>
    public static void RenderWarnings(IAnsiConsole console, IReadOnlyList<PlannerWarning> warnings)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(warnings);
        foreach (var warning in warnings)
        {
            console.MarkupLineInterpolated($"[yellow]Warning[/] ({warning.Key}): {warning.Message}");
        }
    }

    /// <summary>A result's warnings in yellow, one a line; nothing when there are none.</summary>
    public static void RenderWarnings(IAnsiConsole console, IReadOnlyList<Planner.Contract.WarningItem> warnings)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(warnings);
        foreach (var warning in warnings)
        {
            console.MarkupLineInterpolated($"[yellow]Warning[/] ({warning.Key}): {warning.Message}");
        }
    }

    /// <summary>"chat_completions" or "realtime".</summary>
    public static string ApiName(ModelApi api) => api == ModelApi.Realtime ? "realtime" : "chat_completions";

    /// <summary>"Chat Completions" or "Realtime".</summary>
    public static string ApiLabel(ModelApi api) => api == ModelApi.Realtime ? "Realtime" : "Chat Completions";
}
