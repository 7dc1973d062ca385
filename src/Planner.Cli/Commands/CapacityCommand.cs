using System.ComponentModel;
using Planner.Cli.Rendering;
using Planner.Core;
using Planner.Core.Capacity;
using Planner.Core.Pricing;
using Planner.Core.Units;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Planner.Cli.Commands;

/// <summary><c>planner capacity</c>: how many requests of one shape a minute a tier sustains, and what that carries.</summary>
public sealed class CapacityCommand(CliEnvironment environment) : Command<CapacityCommand.Settings>
{
    public sealed class Settings : CapacityCallSettings
    {
        [CommandOption("-t|--tier <TIER>")]
        [Description("Usage tier: free, 1, 2, 3, 4 or 5; with a call load also 'all' (the default there).")]
        public string Tier { get; init; } = "";

        [CommandOption("--max-tokens <N>")]
        [Description("The max_tokens each request sends. OpenAI counts it against TPM in place of the real output. The default value is the request's output.")]
        public long? MaxTokens { get; init; }

        protected override ValidationResult ValidateOptions()
        {
            if (IsCall || IsCallLoad)
            {
                return MaxTokens is not null ? ValidationResult.Error("--max-tokens applies to one request; for a call give --max-output-tokens") : ValidateCallLoad();
            }

            if (string.IsNullOrWhiteSpace(Tier))
            {
                return ValidationResult.Error("--tier is required, e.g. --tier 1");
            }

            return MaxTokens is < 1 or > TokenCount.MaxPerRequest
                ? ValidationResult.Error($"--max-tokens must be from 1 to {TokenCount.MaxPerRequest:N0}, got {MaxTokens}")
                : ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.IsCall)
        {
            return CallCapacityRunner.Run(environment, settings, settings.Tier, settings.ConcurrentCalls, settings.CallsPerMinute);
        }

        var catalog = CatalogSource.Load(environment, settings);
        var model = catalog.Resolve(settings.Model);
        var at = settings.Instant(environment.Clock);
        var day = DateOnly.FromDateTime(at.UtcDateTime);
        var tierName = catalog.TierSchedule.Resolve(settings.Tier, day);
        var ladder = catalog.TiersAt(model.Model, day);
        var tier = ladder?.Find(tierName)
            ?? throw new PlannerException(PlannerErrorKind.UnknownTier,
                $"no rate limits are recorded for {model.Model.Id} at {tierName.DisplayName}; tiers: {string.Join(", ", ladder?.Select(t => t.Name) ?? [])}");
        var rates = settings.Rates(catalog.RatesFor(model.Model));
        var shape = settings.ToShape();
        var usage = shape.ToUsage(rates);
        var quote = PricingEngine.Price(model, usage, at);
        var warnings = new Warnings().For(model, at);
        warnings.Print(environment);
        TokenCount? maxTokens = settings.MaxTokens is { } mt ? new TokenCount(mt) : null;
        var estimate = CapacityPlanner.Estimate(model.Model, tier, usage, quote.Cost, maxTokens, rates);
        var envelope = CapacityPlanner.Envelope(model.Model, usage, maxTokens, rates);
        var assumptions = new Assumptions().AddAudioRates(rates, true).AddCachedFallbacks(model.BillingId, quote.Prices, usage);
        if (tier.Source.IsAssumption)
        {
            assumptions.Add("tier_limits", tier.DisplayName, tier.Source.Note ?? "carried over from another model's page");
        }

        assumptions.Add("audio_counts_toward_tpm", "true", "not documented by OpenAI; assumed (docs/catalog-facts.md)");

        if (settings.Json)
        {
            JsonOutput.Write(environment.Out, w =>
            {
                w.WriteStartObject();
                w.WriteString("model", model.Model.Id);
                w.WriteString("tier", tier.Name);
                w.WriteNumber("rpm", tier.Rpm!.Value.Value);
                w.WriteNumber("tpm", tier.Tpm!.Value.Value);
                w.WriteStartObject("tokens");
                CostCommand.WriteTokens(w, usage);
                w.WriteEndObject();
                if (maxTokens is { } m)
                {
                    w.WriteNumber("max_tokens", m.Value);
                }

                w.WriteNumber("tpm_charge_per_request", estimate.TpmChargePerRequest.Value);
                w.WriteDecimal("max_requests_per_minute", Math.Round(estimate.MaxRequestsPerMinute, 6));
                w.WriteNumber("whole_requests_per_minute", estimate.WholeRequestsPerMinute);
                w.WriteString("limited_by", estimate.LimitedBy == LimitedBy.Rpm ? "rpm" : "tpm");
                w.WriteDecimal("input_audio_minutes_per_minute", Math.Round(estimate.InputAudioSecondsPerMinute / 60m, 6));
                w.WriteDecimal("output_audio_minutes_per_minute", Math.Round(estimate.OutputAudioSecondsPerMinute / 60m, 6));
                w.WriteUsd("per_request_usd", quote.Cost.Total);
                w.WriteUsd("cost_per_hour_usd", estimate.CostPerHour);
                w.WriteDecimal("tpm_reserved_but_unused_share", Math.Round(estimate.ReservedButUnusedShare, 6));
                w.WriteStartObject("per_request_audio_limits");
                w.WriteDecimal("max_output_audio_seconds", envelope.MaxOutputAudio.Seconds);
                w.WriteDecimal("max_input_audio_seconds", envelope.MaxInputAudio.Seconds);
                w.WriteDecimal("max_input_audio_seconds_alone", envelope.MaxInputAudioAlone.Seconds);
                w.WriteEndObject();
                warnings.WriteJson(w);
                assumptions.WriteJson(w);
                w.WriteEndObject();
            });
            return ExitCodes.Success;
        }

        var console = environment.Console;
        console.MarkupLineInterpolated($"[bold]{model.Model.Id}[/] at {tier.DisplayName} ({tier.Rpm} / {tier.Tpm})");
        var table = new Table().Border(TableBorder.Rounded).HideHeaders().AddColumn("").AddColumn(new TableColumn("").RightAligned());
        table.AddRow("TPM charge per request", Format.Count(estimate.TpmChargePerRequest.Value) + (maxTokens is null ? " (input + output)" : " (input + max_tokens)"));
        table.AddRow("Sustained requests per minute", $"[bold]{Format.Number(estimate.MaxRequestsPerMinute)}[/] (limited by {(estimate.LimitedBy == LimitedBy.Rpm ? "RPM" : "TPM")})");
        table.AddRow("Input audio carried per minute", Format.Number(estimate.InputAudioSecondsPerMinute / 60m) + " min");
        table.AddRow("Output audio carried per minute", Format.Number(estimate.OutputAudioSecondsPerMinute / 60m) + " min");
        table.AddRow("Cost per request", Format.Money(quote.Cost.Total));
        table.AddRow("Cost per hour at that rate", Format.UsdCents(estimate.CostPerHour));
        if (maxTokens is not null)
        {
            table.AddRow("TPM reserved but unused (loose max_tokens)", Format.Number(estimate.ReservedButUnusedShare * 100m) + "%");
        }

        table.AddRow("Most output audio one request can carry", envelope.MaxOutputAudio.ToString());
        table.AddRow("Most input audio beside this request's other tokens", envelope.MaxInputAudio.ToString());
        console.Write(table);
        assumptions.Render(console);
        return ExitCodes.Success;
    }
}
