using System.Globalization;
using System.Text.Json;
using Planner.Core;
using Planner.Core.Calls;
using Planner.Core.Catalog;
using Planner.Core.Pricing;
using Spectre.Console;

namespace Planner.Cli.Rendering;

/// <summary>A <see cref="CallPlan"/> as a table and as JSON: the one view <c>call</c> renders.</summary>
public static class CallView
{
    /// <summary>The call's fields as JSON properties (the caller opens and closes the object).</summary>
    public static void WriteJson(Utf8JsonWriter w, CallPlan plan)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(plan);
        w.WriteString("model", plan.ModelId);
        w.WriteString("api", ApiName(plan.Api));
        w.WriteNumber("turn_count", plan.Turns.Count);
        w.WriteDecimal("call_minutes", plan.CallMinutes);
        w.WriteNumber("user_audio_tokens_per_turn", plan.UserAudioTokensPerTurn.Value);
        w.WriteNumber("assistant_audio_tokens_per_turn", plan.AssistantAudioTokensPerTurn.Value);
        w.WriteNumber("max_output_tokens", plan.ReservedOutput.Value);
        if (plan.TruncationLimit is { } limit)
        {
            w.WriteNumber("truncation_limit_tokens", limit.Value);
        }
        else
        {
            w.WriteNull("truncation_limit_tokens");
        }

        if (plan.TruncationTurn is { } first)
        {
            w.WriteNumber("truncation_turn", first);
        }
        else
        {
            w.WriteNull("truncation_turn");
        }

        w.WriteStartArray("turns");
        foreach (var turn in plan.Turns)
        {
            w.WriteStartObject();
            w.WriteNumber("turn", turn.Turn);
            Meters(w, "tokens", turn.Usage);
            Costs(w, "cost_usd", turn.Cost);
            w.WriteUsd("total_usd", turn.Cost.Total);
            w.WriteUsd("cumulative_usd", turn.CumulativeCost);
            w.WriteNumber("tpm_charge_tokens", turn.TpmCharge.Value);
            w.WriteNumber("first_retained_turn", turn.FirstRetainedTurn);
            w.WriteNumber("dropped_turns", turn.DroppedTurns);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        Meters(w, "tokens", plan.Usage);
        Costs(w, "cost_usd", plan.Cost);
        w.WriteUsd("total_usd", plan.Total);
        if (plan.CostPerMinute is { } perMinute)
        {
            w.WriteUsd("cost_per_minute_usd", perMinute);
        }
        else
        {
            w.WriteNull("cost_per_minute_usd");
        }

        w.WriteDecimal("cache_hit_share", plan.Options.CacheHitShare);
        w.WriteUsd("total_at_cache_hit_0_usd", plan.CostWithNoCacheHit);
        w.WriteUsd("total_at_cache_hit_1_usd", plan.CostWithFullCacheHit);
        Warnings.WriteJson(w, plan.Warnings);
    }

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

    /// <summary>The per-turn table, the per-meter table and the summary lines.</summary>
    public static void Render(IAnsiConsole console, CallPlan plan)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(plan);
        console.MarkupLineInterpolated($"[bold]{plan.ModelId}[/] ({ApiLabel(plan.Api)}): {plan.Turns.Count:N0} turn(s) in {Format.Number(plan.CallMinutes)} min");
        console.MarkupLineInterpolated($"Audio tokens a turn: {Format.Count(plan.UserAudioTokensPerTurn.Value)} user, {Format.Count(plan.AssistantAudioTokensPerTurn.Value)} assistant");
        bool truncates = plan.TruncationTurn is not null;
        var table = new Table().Border(TableBorder.Rounded).AddColumn(new TableColumn("Turn").RightAligned())
            .AddColumn(new TableColumn("Input").RightAligned()).AddColumn(new TableColumn("Cached").RightAligned())
            .AddColumn(new TableColumn("Output").RightAligned()).AddColumn(new TableColumn("Cost").RightAligned())
            .AddColumn(new TableColumn("Cumulative").RightAligned());
        if (truncates)
        {
            table.AddColumn(new TableColumn("Kept from").RightAligned());
        }

        foreach (var turn in plan.Turns)
        {
            var cells = new List<string>
            {
                Format.Count(turn.Turn), Format.Count(turn.Tokens.InputTokens.Value),
                Format.Count(turn.Tokens.CachedText.Value + turn.Tokens.CachedAudio.Value), Format.Count(turn.Tokens.OutputTokens.Value),
                Format.Usd(turn.Cost.Total), Format.Usd(turn.CumulativeCost),
            };
            if (truncates)
            {
                cells.Add(turn.Truncated ? $"[yellow]{turn.FirstRetainedTurn:N0}[/]" : Format.Count(turn.FirstRetainedTurn));
            }

            table.AddRow([.. cells]);
        }

        console.Write(table);

        var meters = new Table().Border(TableBorder.Rounded).AddColumn("Meter").AddColumn(new TableColumn("Tokens").RightAligned())
            .AddColumn(new TableColumn("Cost").RightAligned());
        foreach (var meter in Rendering.Meters.All)
        {
            if (plan.Usage[meter].Value != 0 || plan.Cost.Picodollars(meter) != 0)
            {
                meters.AddRow(Rendering.Meters.Label(meter), Format.Count(plan.Usage[meter].Value), Format.Usd(plan.Cost[meter]));
            }
        }

        meters.AddRow("[bold]Call[/]", Format.Count(plan.Usage.TotalTokens.Value), $"[bold]{Format.Usd(plan.Total)}[/]");
        console.Write(meters);
        console.MarkupLine(plan.CostPerMinute is { } perMinute ? $"Per minute of call: [bold]{Format.UnitMoney(perMinute)}[/]" : "Per minute of call: n/a (the call has no length)");
        console.MarkupLine($"Cache-hit share {Share(plan.Options.CacheHitShare)}: {Format.Usd(plan.Total)}; at 0: {Format.Usd(plan.CostWithNoCacheHit)}; at 1: {Format.Usd(plan.CostWithFullCacheHit)}");
        console.MarkupLine(plan.TruncationLimit is { } limit
            ? plan.TruncationTurn is { } first
                ? $"Truncation starts at turn {first:N0} (limit {Format.Count(limit.Value)} tokens: context window less {Format.Count(plan.ReservedOutput.Value)} max output)."
                : $"The conversation never reaches the truncation limit ({Format.Count(limit.Value)} tokens)."
            : "Chat Completions does not truncate; every turn fits the context window.");
        RenderWarnings(console, plan.Warnings);
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

    private static string Share(decimal share) => (share / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    private static void Meters(Utf8JsonWriter w, string name, in Usage usage)
    {
        w.WriteStartObject(name);
        foreach (var meter in Rendering.Meters.All)
        {
            w.WriteNumber(Rendering.Meters.JsonName(meter), usage[meter].Value);
        }

        w.WriteEndObject();
    }

    private static void Costs(Utf8JsonWriter w, string name, in CostBreakdown cost)
    {
        w.WriteStartObject(name);
        foreach (var meter in Rendering.Meters.All)
        {
            w.WriteUsd(Rendering.Meters.JsonName(meter), cost[meter]);
        }

        w.WriteEndObject();
    }
}
