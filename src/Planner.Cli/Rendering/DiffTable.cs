using Planner.Core.Regression;
using Spectre.Console;

namespace Planner.Cli.Rendering;

/// <summary>A diff as console tables.</summary>
public static class DiffTable
{
    public static void Render(IAnsiConsole console, DiffView view)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(view);
        var report = view.Report;
        var diff = report.Catalog;
        console.MarkupLineInterpolated($"[bold]Pricing diff[/] {view.BasePath} -> {view.HeadPath}: {view.Summary()}");
        foreach (var breach in report.Breaches)
        {
            console.MarkupLineInterpolated($"  [red]{DiffView.Describe(breach)}[/]");
        }

        if (diff.Prices.Count > 0)
        {
            var table = Table("Price changes (USD per 1M tokens)", "Model", "Meter", "Effective from", "Old", "New", "Change");
            foreach (var p in diff.Prices)
            {
                table.AddRow(Esc(p.Model), Meters.Label(p.Meter), DiffView.Date(p.EffectiveFrom), DiffView.Price(p.Old), DiffView.Price(p.New), DiffView.Percent(p.Percent));
            }

            console.Write(table);
        }

        if (diff.Names.Count > 0)
        {
            var table = Table("Models, snapshots and aliases", "Kind", "Name", "Change");
            foreach (var n in diff.Names)
            {
                table.AddRow(DiffView.KindName(n.Kind), Esc(n.Name), Esc(DiffView.Describe(n)));
            }

            console.Write(table);
        }

        if (diff.Figures.Count > 0)
        {
            var table = Table("Caps, tier limits and audio-token rates", "Model", "Figure", "Old", "New", "Change");
            foreach (var f in diff.Figures)
            {
                table.AddRow(Esc(f.Subject), Esc(f.Figure), DiffView.Figure(f, f.Old), DiffView.Figure(f, f.New), DiffView.Percent(f.Percent));
            }

            console.Write(table);
        }

        if (diff.Lifecycle.Count > 0)
        {
            var table = Table("Deprecation and shutdown dates", "Model", "Date", "Old", "New");
            foreach (var l in diff.Lifecycle)
            {
                table.AddRow(Esc(l.Subject), l.Figure, DiffView.Date(l.Old), DiffView.Date(l.New));
            }

            console.Write(table);
        }

        if (report.Workloads.Count > 0)
        {
            var table = Table("Workload impact", "Workload", "Requests", "Base cost", "Head cost", "Change", "Change %");
            foreach (var w in report.Workloads)
            {
                table.AddRow(Esc(w.Name), Format.Count(w.Base.Requests), Format.Usd(w.Base.Total), Format.Usd(w.Head.Total),
                    DiffView.SignedUsd(w.Change), Esc(DiffView.Percent(w.Percent, w)));
            }

            console.Write(table);
        }

        console.WriteLine(DiffView.PercentRule);
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
