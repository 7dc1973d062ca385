using Planner.Cli.Rendering;
using Planner.Core;
using Planner.Core.Calls;
using Planner.Core.Capacity;
using Planner.Core.Catalog;
using Planner.Core.Pricing;
using Spectre.Console;

namespace Planner.Cli.Commands;

/// <summary>The call form of <c>capacity</c>: a call load against every tier (or one), each tier's fit and the most
/// concurrent calls it carries.</summary>
public static class CallCapacityRunner
{
    public static int Run(CliEnvironment environment, ModelRequestOrCallSettings settings, string? tierName, decimal? concurrent, decimal? perMinute)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(settings);
        var catalog = CatalogSource.Load(environment, settings);
        var model = catalog.Resolve(settings.Model);
        var rates = settings.Rates(catalog.RatesFor(model.Model));
        var at = settings.Instant(environment.Clock);
        var plan = CallPlanner.Plan(model, PricingEngine.PricesAt(model, at), CallShapeInput.ToShape(settings), CallShapeInput.ToOptions(settings), rates, DateOnly.FromDateTime(at.UtcDateTime));
        var load = concurrent is { } c ? CallLoad.Concurrent(c) : CallLoad.PerMinute(perMinute!.Value);
        // The tiers of the scheme in effect on the day asked about (--at, else today).
        var capacity = CallCapacity.For(model.Model, plan, load, catalog.TiersAt(model.Model, DateOnly.FromDateTime(at.UtcDateTime)));
        IReadOnlyList<CallTierFit> rows = capacity.Tiers;
        if (!string.IsNullOrWhiteSpace(tierName) && !tierName.Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            var tier = model.Model.FindTier(tierName)
                ?? throw new PlannerException(PlannerErrorKind.UnknownTier,
                    $"unknown tier '{tierName}' for {model.Model.Id}; tiers: all, {string.Join(", ", model.Model.Tiers.Select(t => t.Name))}");
            rows = [.. rows.Where(r => r.Tier.Name == tier.Name)];
        }

        var assumptions = CallView.Add(new Assumptions().AddAudioRates(rates, true), plan)
            .Add("responses", "each turn is one request", "the limiter sees Responses; each charges its whole resent input + max output tokens against TPM (OpenAI rate-limits guide)")
            .Add("steady_state", "turns evenly spaced", "Responses a minute = concurrent calls x turns per call-minute; bursts within a minute are not modelled (see simulate)")
            .Add("audio_counts_toward_tpm", "true", "not documented by OpenAI; assumed (FACTS.md)");
        if (settings.Json)
        {
            JsonOutput.Write(environment.Out, w =>
            {
                w.WriteStartObject();
                w.WriteString("model", model.Model.Id);
                w.WriteString("api", CallView.ApiName(model.Model.Api));
                w.WriteNumber("turn_count", plan.Turns.Count);
                w.WriteDecimal("call_minutes", plan.CallMinutes);
                w.WriteDecimal("concurrent_calls", capacity.ConcurrentCalls);
                w.WriteDecimal("responses_per_call_minute", capacity.ResponsesPerCallMinute);
                w.WriteDecimal("tpm_charge_per_call_minute", capacity.TpmChargePerCallMinute);
                w.WriteDecimal("responses_per_minute", capacity.ResponsesPerMinute);
                w.WriteDecimal("tokens_per_minute", capacity.TokensPerMinute);
                w.WriteNumber("largest_response_tpm_charge", capacity.LargestResponseCharge);
                w.WriteUsd("cost_per_call_usd", plan.Total);
                w.WriteStartArray("tiers");
                foreach (var row in rows)
                {
                    w.WriteStartObject();
                    w.WriteString("tier", row.Tier.Name);
                    w.WriteBoolean("supported", row.Tier.Supported);
                    if (row.Tier.Rpm is { } rpm && row.Tier.Tpm is { } tpm)
                    {
                        w.WriteNumber("rpm", rpm.Value);
                        w.WriteNumber("tpm", tpm.Value);
                    }
                    else
                    {
                        w.WriteNull("rpm");
                        w.WriteNull("tpm");
                    }

                    w.WriteBoolean("fits_rpm", row.FitsRpm);
                    w.WriteBoolean("fits_tpm", row.FitsTpm);
                    w.WriteBoolean("fits", row.Fits);
                    w.WriteNumber("max_concurrent_calls", row.MaxConcurrentCalls);
                    w.WriteString("limited_by", row.LimitedBy == LimitedBy.Rpm ? "rpm" : "tpm");
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                if (capacity.LowestFit is { } lowest)
                {
                    w.WriteString("lowest_tier_that_fits", lowest.Name);
                }
                else
                {
                    w.WriteNull("lowest_tier_that_fits");
                }

                Warnings.WriteJson(w, plan.Warnings);
                assumptions.WriteJson(w);
                w.WriteEndObject();
            });
            return ExitCodes.Success;
        }

        var console = environment.Console;
        console.MarkupLineInterpolated($"[bold]{model.Model.Id}[/]: {Format.Number(capacity.ConcurrentCalls)} concurrent calls of {plan.Turns.Count:N0} turns in {Format.Number(plan.CallMinutes)} min = {Format.Number(capacity.ResponsesPerMinute)} Responses and {Format.Number(capacity.TokensPerMinute, 0)} TPM");
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Tier").AddColumn(new TableColumn("RPM").RightAligned())
            .AddColumn(new TableColumn("TPM").RightAligned()).AddColumn("Carries the load").AddColumn(new TableColumn("Most calls").RightAligned());
        foreach (var row in rows)
        {
            string fits = !row.Tier.Supported ? "not supported" : row.Fits ? "[green]yes[/]" : $"[red]no[/] ({(row.FitsRpm ? "" : "RPM")}{(row.FitsRpm || row.FitsTpm ? "" : ", ")}{(row.FitsTpm ? "" : "TPM")})";
            table.AddRow(row.Tier.DisplayName, row.Tier.Rpm is { } r ? Format.Count(r.Value) : "-", row.Tier.Tpm is { } t ? Format.Count(t.Value) : "-", fits,
                row.Tier.Supported ? $"{Format.Count(row.MaxConcurrentCalls)} ({(row.LimitedBy == LimitedBy.Rpm ? "RPM" : "TPM")})" : "0");
        }

        console.Write(table);
        console.MarkupLine(capacity.LowestFit is { } fit
            ? $"Lowest tier that carries it: [bold]{fit.DisplayName}[/]"
            : "[red]No tier carries this load.[/]");
        CallView.RenderWarnings(console, plan.Warnings);
        assumptions.Render(console);
        return ExitCodes.Success;
    }
}
