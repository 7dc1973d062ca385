using System.Globalization;
using System.Text;
using Planner.Core.Ingest;
using Planner.Core.Traces;
using Planner.Core.Units;
using Spectre.Console;

namespace Planner.Cli.Rendering;

/// <summary>Views of a <see cref="ReconcileResult"/>: a table, JSON and Markdown.</summary>
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
            days.AddRow(Day(day.Day), Format.Usd(day.Planner), Money(day.Billed), Money(day.Difference), Mark(day.Exceeded));
        }

        days.AddRow("[bold]Total[/]", Format.Usd(result.Planner), Money(result.Billed), Money(result.Billed - result.Planner.Value), "");
        console.Write(days);

        var rows = new Table().RoundedBorder().Title("Per line item");
        rows.AddColumn("Day");
        rows.AddColumn("Model");
        rows.AddColumn("Meter");
        rows.AddColumn(new TableColumn("Planner").RightAligned());
        rows.AddColumn(new TableColumn("Billed").RightAligned());
        rows.AddColumn(new TableColumn("Difference").RightAligned());
        rows.AddColumn("");
        foreach (var row in result.Rows)
        {
            rows.AddRow(Day(row.Day), Markup.Escape(row.Model), Meters.Label(row.Meter), Format.Usd(row.Planner),
                row.LineItem is null ? "[dim]not billed[/]" : Money(row.Billed), Money(row.Difference), Mark(row.Exceeded));
        }

        console.Write(rows);
        foreach (var u in result.Unparsed)
        {
            console.MarkupLineInterpolated($"[yellow]Unparsed line item[/] (line {u.Line}, {Day(u.Day)}): '{u.LineItem ?? "(none: export with group_by=line_item)"}' billed {Money(u.Amount)}; counted in the day's billed total");
        }

        console.MarkupLine(result.Matches
            ? $"[green]Matches[/] the bill within {Markup.Escape(result.Tolerance.ToString())}."
            : $"[red]Differs[/] from the bill beyond {Markup.Escape(result.Tolerance.ToString())} (marked ✗).");
    }

    public static void WriteJson(TextWriter output, string usage, string costs, long rowsRead, TraceRejections rejections, ReconcileResult result, Assumptions assumptions)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(assumptions);
        JsonOutput.Write(output, w =>
        {
            w.WriteStartObject();
            TraceReport.WriteRowsJson(w, usage, rowsRead, rejections);
            w.WriteString("costs", costs);
            w.WriteString("tolerance", result.Tolerance.ToString());
            w.WriteBoolean("matches", result.Matches);
            w.WriteUsd("planner_usd", result.Planner);
            w.WriteDecimal("billed_usd", result.Billed);
            w.WriteDecimal("difference_usd", result.Billed - result.Planner.Value);
            w.WriteStartArray("days");
            foreach (var day in result.Days)
            {
                w.WriteStartObject();
                w.WriteString("day", Day(day.Day));
                w.WriteUsd("planner_usd", day.Planner);
                w.WriteDecimal("billed_usd", day.Billed);
                w.WriteDecimal("difference_usd", day.Difference);
                w.WriteBoolean("exceeded", day.Exceeded);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("line_items");
            foreach (var row in result.Rows)
            {
                w.WriteStartObject();
                w.WriteString("day", Day(row.Day));
                w.WriteString("model", row.Model);
                w.WriteString("meter", Meters.JsonName(row.Meter));
                w.WriteString("line_item", row.LineItem);
                w.WriteUsd("planner_usd", row.Planner);
                w.WriteDecimal("billed_usd", row.Billed);
                w.WriteDecimal("difference_usd", row.Difference);
                w.WriteBoolean("exceeded", row.Exceeded);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("unparsed");
            foreach (var u in result.Unparsed)
            {
                w.WriteStartObject();
                w.WriteNumber("line", u.Line);
                w.WriteString("day", Day(u.Day));
                w.WriteString("line_item", u.LineItem);
                w.WriteDecimal("billed_usd", u.Amount);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            assumptions.WriteJson(w);
            w.WriteEndObject();
        });
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
            md.Append("| ").Append(Day(day.Day)).Append(" | ").Append(Format.Usd(day.Planner)).Append(" | ").Append(Money(day.Billed))
              .Append(" | ").Append(Money(day.Difference)).Append(" | ").Append(day.Exceeded ? "❌" : "").Append(" |\n");
        }

        md.Append("\n| Day | Model | Meter | Planner | Billed | Difference | |\n|---|---|---|---:|---:|---:|---|\n");
        foreach (var row in result.Rows)
        {
            md.Append("| ").Append(Day(row.Day)).Append(" | ").Append(row.Model).Append(" | ").Append(Meters.Label(row.Meter)).Append(" | ")
              .Append(Format.Usd(row.Planner)).Append(" | ").Append(row.LineItem is null ? "not billed" : Money(row.Billed)).Append(" | ")
              .Append(Money(row.Difference)).Append(" | ").Append(row.Exceeded ? "❌" : "").Append(" |\n");
        }

        foreach (var u in result.Unparsed)
        {
            md.Append("\n- Unparsed line item (line ").Append(u.Line).Append(", ").Append(Day(u.Day)).Append("): `")
              .Append(u.LineItem ?? "(none)").Append("` billed ").Append(Money(u.Amount));
        }

        return md.Append('\n').ToString();
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Money(decimal amount) => Format.Usd(Usd.FromDollars(amount));

    private static string Mark(bool exceeded) => exceeded ? "[red]✗[/]" : "[green]✓[/]";
}
