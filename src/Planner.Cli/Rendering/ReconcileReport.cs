using System.Globalization;
using System.Text;
using Planner.Contract.Results;
using Spectre.Console;

namespace Planner.Cli.Rendering;

/// <summary>Views of a <see cref="ReconcileResult"/> record: a table and Markdown (its JSON is the record's).</summary>
public static class ReconcileReport
{
    public static void Render(IAnsiConsole console, ReconcileResult result)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(result);
        var days = new Table().RoundedBorder().Title("Per day (UTC)");
        days.AddColumn("Day");
        days.AddColumn(new TableColumn("Planner").RightAligned());
        days.AddColumn(new TableColumn("Billed").RightAligned());
        days.AddColumn(new TableColumn("Difference").RightAligned());
        days.AddColumn("");
        foreach (var day in result.Days)
        {
            days.AddRow(Day(day.Day), Format.Usd(day.PlannerUsd), Format.Usd(day.BilledUsd), Format.Usd(day.DifferenceUsd), Mark(day.Exceeded));
        }

        days.AddRow("[bold]Total[/]", Format.Usd(result.PlannerUsd), Format.Usd(result.BilledUsd), Format.Usd(result.DifferenceUsd), "");
        console.Write(days);

        var rows = new Table().RoundedBorder().Title("Per line item");
        rows.AddColumn("Day");
        rows.AddColumn("Model");
        rows.AddColumn("Meter");
        rows.AddColumn(new TableColumn("Planner").RightAligned());
        rows.AddColumn(new TableColumn("Billed").RightAligned());
        rows.AddColumn(new TableColumn("Difference").RightAligned());
        rows.AddColumn("");
        foreach (var row in result.LineItems)
        {
            rows.AddRow(Day(row.Day), Markup.Escape(row.Model), Markup.Escape(row.MeterLabel), Format.Usd(row.PlannerUsd),
                row.LineItem is null ? "[dim]not billed[/]" : Format.Usd(row.BilledUsd), Format.Usd(row.DifferenceUsd), Mark(row.Exceeded));
        }

        console.Write(rows);
        foreach (var u in result.Unparsed)
        {
            console.MarkupLineInterpolated($"[yellow]Unparsed line item[/] (line {u.Line}, {Day(u.Day)}): '{u.LineItem ?? "(none: export with group_by=line_item)"}' billed {Format.Usd(u.BilledUsd)}; counted in the day's billed total");
        }

        console.MarkupLine(result.Matches
            ? $"[green]Matches[/] the bill within {Markup.Escape(result.Tolerance)}."
            : $"[red]Differs[/] from the bill beyond {Markup.Escape(result.Tolerance)} (marked ✗).");
    }

    public static string Markdown(ReconcileResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var md = new StringBuilder();
        md.Append("## Planner reconciliation: ").Append(result.Matches ? "✅ matches the bill" : "❌ differs from the bill")
          .Append(" (tolerance ").Append(result.Tolerance).Append(")\n\n");
        md.Append("| Day | Planner | Billed | Difference | |\n|---|---:|---:|---:|---|\n");
        foreach (var day in result.Days)
        {
            md.Append("| ").Append(Day(day.Day)).Append(" | ").Append(Format.Usd(day.PlannerUsd)).Append(" | ").Append(Format.Usd(day.BilledUsd))
              .Append(" | ").Append(Format.Usd(day.DifferenceUsd)).Append(" | ").Append(day.Exceeded ? "❌" : "").Append(" |\n");
        }

        md.Append("\n| Day | Model | Meter | Planner | Billed | Difference | |\n|---|---|---|---:|---:|---:|---|\n");
        foreach (var row in result.LineItems)
        {
            md.Append("| ").Append(Day(row.Day)).Append(" | ").Append(row.Model).Append(" | ").Append(row.MeterLabel).Append(" | ")
              .Append(Format.Usd(row.PlannerUsd)).Append(" | ").Append(row.LineItem is null ? "not billed" : Format.Usd(row.BilledUsd)).Append(" | ")
              .Append(Format.Usd(row.DifferenceUsd)).Append(" | ").Append(row.Exceeded ? "❌" : "").Append(" |\n");
        }

        foreach (var u in result.Unparsed)
        {
            md.Append("\n- Unparsed line item (line ").Append(u.Line).Append(", ").Append(Day(u.Day)).Append("): `")
              .Append(u.LineItem ?? "(none)").Append("` billed ").Append(Format.Usd(u.BilledUsd));
        }

        return md.Append('\n').ToString();
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Mark(bool exceeded) => exceeded ? "[red]✗[/]" : "[green]✓[/]";
}
