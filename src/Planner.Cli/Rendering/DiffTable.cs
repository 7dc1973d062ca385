using Planner.Cli.Infrastructure;
using Planner.Contract.Display;
using Planner.Contract.Results;
using Spectre.Console;

namespace Planner.Cli.Rendering;

/// <summary>A diff result as console tables (field names in its texts become flags).</summary>
public static class DiffTable
{
    public static void Render(IAnsiConsole console, DiffResult diff)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(diff);
        console.MarkupLineInterpolated($"[bold]Pricing diff[/] {diff.Base.Path} -> {diff.Head.Path}: {FieldFlags.InProse(diff.Summary)}");
        foreach (var breach in diff.Breaches)
        {
            console.MarkupLineInterpolated($"  [red]{FieldFlags.InProse(breach.Message)}[/]");
        }

        if (diff.Prices.Count > 0)
        {
            var table = Table("Price changes (USD per 1M tokens)", "Model", "Meter", "Effective from", "Old", "New", "Change");
            foreach (var p in diff.Prices)
            {
                table.AddRow(Esc(p.Model), Meters.Label(p.Meter), DiffText.Date(p.EffectiveFrom), DiffText.Price(p.OldUsdPerMillion), DiffText.Price(p.NewUsdPerMillion), p.ChangeText);
            }

            console.Write(table);
        }

        if (diff.Names.Count > 0)
        {
            var table = Table("Models, snapshots and aliases", "Kind", "Name", "Change");
            foreach (var n in diff.Names)
            {
                table.AddRow(n.Kind, Esc(n.Name), Esc(n.Description));
            }

            console.Write(table);
        }

        if (diff.Figures.Count > 0)
        {
            var table = Table("Caps, tier limits and audio-token rates", "Model", "Figure", "Old", "New", "Change");
            foreach (var f in diff.Figures)
            {
                table.AddRow(Esc(f.Subject), Esc(f.Figure), f.OldText, f.NewText, f.ChangeText);
            }

            console.Write(table);
        }

        if (diff.Lifecycle.Count > 0)
        {
            var table = Table("Deprecation and shutdown dates", "Model", "Date", "Old", "New");
            foreach (var l in diff.Lifecycle)
            {
                table.AddRow(Esc(l.Subject), l.Figure, l.Old ?? "none", l.New ?? "none");
            }

            console.Write(table);
        }

        if (diff.Workloads.Count > 0)
        {
            var table = Table("Workload impact", "Workload", "Requests", "Base cost", "Head cost", "Change", "Change %");
            foreach (var w in diff.Workloads)
            {
                table.AddRow(Esc(w.Name), Format.Count(w.Requests), Format.Usd(w.BaseUsd), Format.Usd(w.HeadUsd),
                    DiffText.SignedUsd(w.ChangeUsd), Esc(w.ChangeText));
            }

            console.Write(table);
        }

        console.WriteLine(DiffText.PercentRule);
    }

    private static Table Table(string title, params string[] columns)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(title);
        foreach (var column in columns)
        {
            table.AddColumn(column);
        }

        return table;
    }

    private static string Esc(string text) => Markup.Escape(text);
}
