using System.Globalization;
using System.ComponentModel;
using Planner.Cli.Infrastructure;
using Planner.Cli.Rendering;
using Planner.Contract.Json;
using Planner.Contract.Queries;
using Planner.Contract.Results;
using Planner.Contract.Services;
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

        /// <summary>Nothing here: <see cref="ModelsQuery.Validate"/> checks the date in Execute.</summary>
        public override ValidationResult Validate() => ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var query = new ModelsQuery { At = settings.At };
        FieldFlags.ThrowIfAny(query.Validate());
        var result = ModelsService.Run(query, CatalogSource.Load(environment, settings), environment.Clock());
        if (settings.Json)
        {
            PlannerJson.Write(environment.Out, result, PlannerJson.Context.ModelsResult);
            return ExitCodes.Success;
        }

        Render(environment.Console, result);
        return ExitCodes.Success;
    }

    /// <summary>Two narrow tables rather than one wide one, so that the catalog reads at 80 columns.</summary>
    internal static void Render(IAnsiConsole console, ModelsResult result)
    {
        var day = result.At;
        var lifecycle = new Table().Border(TableBorder.Rounded).Title($"Models on {day:yyyy-MM-dd} (catalog {result.CatalogVersion})")
            .AddColumn("Model").AddColumn("Status").AddColumn("Shuts down").AddColumn("Replacement");
        var prices = new Table().Border(TableBorder.Rounded).Title($"Caps and prices in effect on {day:yyyy-MM-dd}, USD per 1M tokens")
            .AddColumn("Model").AddColumn("Since").AddColumn("API, caps, price by meter");
        bool uncachedShown = false;
        foreach (var m in result.Models)
        {
            AddLifecycleRow(lifecycle, m.Id, m.Status, m.Shutdown, m.Replacement);
            uncachedShown |= AddPriceRow(prices, m, m.Id, m.Prices, m.PricesInEffectFrom);
            foreach (var s in m.SnapshotDetails)
            {
                if (s.Status != m.Status || s.Shutdown != m.Shutdown || s.Replacement != m.Replacement)
                {
                    AddLifecycleRow(lifecycle, SnapshotName(m.Id, s.Id), s.Status, s.Shutdown, s.Replacement);
                }

                if (s.Prices.Count > 0)
                {
                    uncachedShown |= AddPriceRow(prices, m, SnapshotName(m.Id, s.Id), s.Prices, s.PricesInEffectFrom);
                }
            }
        }

        console.Write(lifecycle);
        console.Write(prices);
        foreach (var m in result.Models.Where(m => m.Snapshots.Count + m.Aliases.Count > 0))
        {
            console.MarkupLineInterpolated($"{m.Id} is also billed as: {string.Join(", ", m.Snapshots.Concat(m.Aliases))}");
        }

        var rates = result.AudioTokenRates;
        console.MarkupLineInterpolated(
            $"Audio converts at {AudioTokenRate.FromTokensPerSecond(rates.InputTokensPerSecond)} in and {AudioTokenRate.FromTokensPerSecond(rates.OutputTokensPerSecond)} out{(rates.Assumption ? " (an assumption: override with --audio-in-rate / --audio-out-rate)" : "")}.");
        if (uncachedShown)
        {
            console.MarkupLine("Where no cached text input price is listed, cached tokens bill at the text input rate.");
        }
    }

    /// <summary>A snapshot's row name: its date suffix under the model's row (the full id is listed below the tables).</summary>
    private static string SnapshotName(string model, string snapshot) =>
        "  " + (snapshot.StartsWith(model, StringComparison.Ordinal) ? snapshot[model.Length..] : snapshot);

    private static void AddLifecycleRow(Table table, string name, string status, DateOnly? shutdown, string? replacement) =>
        table.AddRow(
            Markup.Escape(name),
            status.Replace('_', ' '),
            shutdown is { } day ? day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "-",
            Markup.Escape(replacement ?? "-"));

    /// <summary>Adds the price set in effect, naming only the meters it prices; true when that set has no cached text input price.</summary>
    private static bool AddPriceRow(Table table, ModelsEntry model, string name, IReadOnlyList<ModelPriceSet> sets, DateOnly? inEffect)
    {
        if (inEffect is null || sets.FirstOrDefault(p => p.EffectiveFrom == inEffect) is not { } p)
        {
            table.AddRow(Markup.Escape(name), "-", $"no price yet (first from {sets[0].EffectiveFrom:yyyy-MM-dd})");
            return false;
        }

        string caps = $"{(model.Api == "realtime" ? "Realtime" : "Chat Completions")}, context {Format.Count(model.ContextWindow)}, max out {Format.Count(model.MaxOutputTokens)}";
        var meters = Meters.All.Where(meter => p.UsdPer1mTokens[meter] is not null).Select(meter => $"{Meters.Label(meter)} {Format.Price(p.UsdPer1mTokens[meter]!.Value)}");
        table.AddRow(Markup.Escape(name), p.EffectiveFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Markup.Escape(caps + "\n" + string.Join(", ", meters)));
        return !p.CachedInputListed;
    }
}
