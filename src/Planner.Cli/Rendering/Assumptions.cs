using Planner.Contract;
using Planner.Contract.Results;
using Planner.Core.Catalog;
using Planner.Core.Pricing;
using Spectre.Console;

namespace Planner.Cli.Rendering;

/// <summary>States the assumptions a result rests on, in tables and in JSON, so a reader knows
/// which figures are certain and which they may override. The list is built by the contract's
/// <see cref="AssumptionList"/>; commands not yet on a result record still write it by hand here.</summary>
public sealed class Assumptions
{
    private readonly AssumptionList _list = new();

    public IReadOnlyList<AssumptionItem> Items => _list.Items;

    /// <summary>The contract's list these assumptions are built in (for a service that completes it).</summary>
    public AssumptionList List => _list;

    public Assumptions Add(string name, string value, string why)
    {
        _list.Add(name, value, why);
        return this;
    }

    /// <summary>The audio-token rates, when audio durations were converted with them.</summary>
    public Assumptions AddAudioRates(AudioTokenRates rates, bool used)
    {
        _list.AddAudioRates(rates, used);
        return this;
    }

    /// <summary>How the usage file was read: its format, and what its reader assumed.</summary>
    public Assumptions AddSource(Planner.Core.Traces.IUsageSource source)
    {
        _list.AddSource(source);
        return this;
    }

    /// <summary>Each cached meter the usage has tokens on that the model lists no cached price for.</summary>
    public Assumptions AddCachedFallbacks(string model, PriceSet prices, in Usage usage)
    {
        _list.AddCachedFallbacks(model, prices, usage);
        return this;
    }

    /// <summary>The same for a priced trace.</summary>
    public Assumptions AddCachedFallbacks(ModelCatalog catalog, Planner.Core.Traces.TraceCosts costs)
    {
        _list.AddCachedFallbacks(catalog, costs);
        return this;
    }

    /// <summary>Writes an "Assumptions" note under a table; nothing when there are none.</summary>
    public void Render(IAnsiConsole console) => Render(console, Items);

    private static string Flags(string text) => Infrastructure.FieldFlags.InProse(text);

    /// <summary>Writes a result's assumptions under its table; nothing when there are none.</summary>
    public static void Render(IAnsiConsole console, IReadOnlyList<AssumptionItem> items)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0)
        {
            return;
        }

        console.MarkupLine("[bold]Assumptions[/]");
        foreach (var item in items)
        {
            // A reading that names a field (set usage_input_tokens to text) names the flag here.
            console.MarkupLineInterpolated($"  [yellow]{item.Name}[/] = {Flags(item.Value)}: {Flags(item.Why)}");
        }
    }
}
