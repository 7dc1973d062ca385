using System.Globalization;
using System.ComponentModel;
using Planner.Cli.Rendering;
using Planner.Core.Catalog;
using Planner.Core.Pricing;
using Planner.Core.Units;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Planner.Cli.Commands;

/// <summary><c>planner models</c>: every model with its lifecycle, caps, aliases and snapshots, and the prices
/// in effect on a day (today, or <c>--at</c>).</summary>
public sealed class ModelsCommand(CliEnvironment environment) : Command<ModelsCommand.Settings>
{
    public sealed class Settings : CatalogSettings
    {
        [CommandOption("--at <ISO-DATE>")]
        [Description("Show the catalog as it stood on this day: the status and the prices in effect then. The default value is today.")]
        public string? At { get; init; }

        public override ValidationResult Validate() =>
            At is not null && !CliParse.TryInstant(At, out _)
                ? ValidationResult.Error($"--at must be an ISO-8601 date such as 2026-12-01, got '{At}'")
                : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var catalog = CatalogSource.Load(environment, settings);
        var today = DateOnly.FromDateTime((settings.At is not null && CliParse.TryInstant(settings.At, out var instant) ? instant : environment.Clock()).UtcDateTime);
        if (settings.Json)
        {
            JsonOutput.Write(environment.Out, w =>
            {
                w.WriteStartObject();
                w.WriteString("catalog_version", catalog.Version);
                WriteDate(w, "at", today);
                WriteRates(w, "audio_token_rates", catalog.AudioTokenRates);
                w.WriteStartArray("models");
                foreach (var m in catalog.Models)
                {
                    w.WriteStartObject();
                    w.WriteString("id", m.Id);
                    w.WriteString("display_name", m.DisplayName);
                    w.WriteString("description", m.Description);
                    WriteStrings(w, "aliases", m.Aliases);
                    WriteStrings(w, "snapshots", m.Snapshots.Select(s => s.Id));
                    w.WriteNumber("context_window", m.ContextWindow.Value);
                    w.WriteNumber("max_output_tokens", m.MaxOutputTokens.Value);
                    WriteDate(w, "knowledge_cutoff", m.KnowledgeCutoff);
                    w.WriteString("api", m.Api == ModelApi.Realtime ? "realtime" : "chat_completions");
                    w.WriteString("status", StatusKey(new ResolvedModel(m, null, m.Id).StatusAt(today)));
                    WriteDate(w, "released", m.Released);
                    WriteDate(w, "deprecated", m.Deprecated);
                    WriteDate(w, "shutdown", m.Shutdown);
                    if (m.Replacement is { } replacement)
                    {
                        w.WriteString("replacement", replacement);
                        WriteDate(w, "replacement_observed", m.ReplacementObserved);
                    }
                    else
                    {
                        w.WriteNull("replacement");
                    }

                    w.WriteStartArray("prices");
                    foreach (var p in m.Prices)
                    {
                        w.WriteStartObject();
                        WriteDate(w, "effective_from", p.EffectiveFrom);
                        w.WriteStartObject("usd_per_1m_tokens");
                        foreach (var meter in Meters.All)
                        {
                            if (p[meter] is { } price)
                            {
                                w.WriteDecimal(Meters.JsonName(meter), price.UsdPerMillion);
                            }
                            else
                            {
                                w.WriteNull(Meters.JsonName(meter));
                            }
                        }

                        w.WriteEndObject();
                        w.WriteBoolean("cached_input_listed", p.CachedTextInput is not null);
                        w.WriteString("source", p.Source.Url);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    if (m.AudioTokenRates is { } own)
                    {
                        WriteRates(w, "audio_token_rates", own);
                    }

                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            });
            return ExitCodes.Success;
        }

        RenderTables(catalog, today);
        return ExitCodes.Success;
    }

    private void RenderTables(ModelCatalog catalog, DateOnly day)
    {
        // Two narrow tables rather than one wide one, so that the catalog reads at 80 columns.
        var lifecycle = new Table().Border(TableBorder.Rounded).Title($"Models on {day:yyyy-MM-dd} (catalog {catalog.Version})")
            .AddColumn("Model").AddColumn("Status").AddColumn("Shuts down").AddColumn("Replacement");
        var prices = new Table().Border(TableBorder.Rounded).Title($"Caps and prices in effect on {day:yyyy-MM-dd}, USD per 1M tokens")
            .AddColumn("Model").AddColumn("Since").AddColumn("API, caps, price by meter");
        bool uncachedShown = false;
        foreach (var m in catalog.Models)
        {
            var model = new ResolvedModel(m, null, m.Id);
            AddLifecycleRow(lifecycle, model, m.Id, day);
            uncachedShown |= AddPriceRow(prices, model, m.Id, day);
            foreach (var s in m.Snapshots)
            {
                var snapshot = new ResolvedModel(m, s, s.Id);
                if (snapshot.StatusAt(day) != model.StatusAt(day) || snapshot.Shutdown != model.Shutdown || snapshot.Replacement != model.Replacement)
                {
                    AddLifecycleRow(lifecycle, snapshot, SnapshotName(m, s), day);
                }

                if (s.Prices.Count > 0)
                {
                    uncachedShown |= AddPriceRow(prices, snapshot, SnapshotName(m, s), day);
                }
            }
        }

        environment.Console.Write(lifecycle);
        environment.Console.Write(prices);
        foreach (var m in catalog.Models.Where(m => m.Snapshots.Count + m.Aliases.Count > 0))
        {
            environment.Console.MarkupLineInterpolated($"{m.Id} is also billed as: {string.Join(", ", m.Snapshots.Select(s => s.Id).Concat(m.Aliases))}");
        }

        var rates = catalog.AudioTokenRates;
        environment.Console.MarkupLineInterpolated(
            $"Audio converts at {rates.Input} in and {rates.Output} out{(rates.Source.IsAssumption ? " (an assumption: override with --audio-in-rate / --audio-out-rate)" : "")}.");
        if (uncachedShown)
        {
            environment.Console.MarkupLine("Where no cached text input price is listed, cached tokens bill at the text input rate.");
        }
    }

    /// <summary>A snapshot's row name: its date suffix under the model's row (the full id is listed below the tables).</summary>
    private static string SnapshotName(ModelSpec model, Snapshot snapshot) =>
        "  " + (snapshot.Id.StartsWith(model.Id, StringComparison.Ordinal) ? snapshot.Id[model.Id.Length..] : snapshot.Id);

    private static void AddLifecycleRow(Table table, ResolvedModel model, string name, DateOnly day) =>
        table.AddRow(
            Markup.Escape(name),
            StatusKey(model.StatusAt(day)).Replace('_', ' '),
            model.Shutdown is { } shutdown ? shutdown.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "-",
            Markup.Escape(model.Replacement ?? "-"));

    /// <summary>Adds the price set in effect on <paramref name="day"/>, naming only the meters it prices;
    /// true when that set has no cached text input price.</summary>
    private static bool AddPriceRow(Table table, ResolvedModel model, string name, DateOnly day)
    {
        int index = PricingEngine.PriceIndexAt(model.Prices, new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        if (index < 0)
        {
            table.AddRow(Markup.Escape(name), "-", $"no price yet (first from {model.Prices[0].EffectiveFrom:yyyy-MM-dd})");
            return false;
        }

        var p = model.Prices[index];
        var spec = model.Model;
        string caps = $"{(spec.Api == ModelApi.Realtime ? "Realtime" : "Chat Completions")}, context {Format.Count(spec.ContextWindow.Value)}, max out {Format.Count(spec.MaxOutputTokens.Value)}";
        var meters = Meters.All.Where(meter => p[meter] is not null).Select(meter => $"{Meters.Label(meter)} {Price(p[meter])}");
        table.AddRow(Markup.Escape(name), p.EffectiveFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Markup.Escape(caps + "\n" + string.Join(", ", meters)));
        return p.CachedTextInput is null;
    }

    private static string StatusKey(LifecycleStatus status) => status switch
    {
        LifecycleStatus.Unreleased => "unreleased",
        LifecycleStatus.Deprecated => "deprecated",
        LifecycleStatus.ShutDown => "shut_down",
        _ => "active",
    };

    private static string Price(PricePerMillionTokens? price) => Format.Price(price);

    private static void WriteStrings(System.Text.Json.Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }

    internal static void WriteDate(System.Text.Json.Utf8JsonWriter w, string name, DateOnly? date)
    {
        if (date is { } d)
        {
            w.WriteString(name, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        else
        {
            w.WriteNull(name);
        }
    }

    internal static void WriteRates(System.Text.Json.Utf8JsonWriter w, string name, AudioTokenRates rates)
    {
        w.WriteStartObject(name);
        w.WriteDecimal("input_tokens_per_second", rates.Input.TokensPerSecond);
        w.WriteDecimal("output_tokens_per_second", rates.Output.TokensPerSecond);
        w.WriteBoolean("assumption", rates.Source.IsAssumption);
        w.WriteString("source", rates.Source.Url);
        w.WriteEndObject();
    }
}
