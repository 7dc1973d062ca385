using System.Globalization;
using Planner.Contract.Results;
using Planner.Core.Traces;
using Spectre.Console;

namespace Planner.Cli.Rendering;

/// <summary>Renders what <c>price</c>, <c>simulate</c> and <c>recommend</c> share: row counts, rejections and
/// the exact cost of a trace, as tables (their JSON is the result records', through PlannerJson).</summary>
public static class TraceReport
{
    /// <summary>The rows table from Core's counts (for commands not yet on a result record).</summary>
    public static void RenderRows(IAnsiConsole console, long rowsRead, TraceRejections rejections, string title = "Rejected rows") =>
        RenderRows(console, new TraceRowsResult("", rowsRead, rejections), title);

    /// <summary>The same from Core's rejections (for commands not yet on a result record).</summary>
    public static void RenderRejections(IAnsiConsole console, TraceRejections rejections, string title) =>
        RenderRejections(console, RejectionsResult.From(rejections), title);

    /// <summary>The same from Core's costs (for commands not yet on a result record).</summary>
    public static void RenderCosts(IAnsiConsole console, TraceCosts costs) =>
        RenderCosts(console, new TracePricedResult("", 0, new TraceRejections(), costs));

    /// <summary>The same from Core's groups (for commands not yet on a result record).</summary>
    public static void RenderGroups(IAnsiConsole console, string field, GroupedCosts groups, Planner.Core.Pricing.CostTotals total)
    {
        ArgumentNullException.ThrowIfNull(total);
        RenderGroups(console, GroupsResult.From(field, groups), new TracePricedResult { RequestsBilled = total.Requests, TotalUsd = total.Total });
    }

    /// <summary>The row counts line and, when there are any, the rejections table.</summary>
    public static void RenderRows(IAnsiConsole console, TraceRowsResult rows, string title = "Rejected rows")
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(rows);
        console.MarkupLineInterpolated($"Rows: {Format.Count(rows.RowsRead)} read = {Format.Count(rows.RowsPriced)} priced + {Format.Count(rows.RowsRejected)} rejected");
        RenderRejections(console, rows.Rejections, title);
    }

    /// <summary>Rejections by reason and the first 20 with their lines; nothing when there are none.</summary>
    public static void RenderRejections(IAnsiConsole console, RejectionsResult rejections, string title)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(rejections);
        long count = rejections.Count;
        if (count == 0)
        {
            return;
        }

        var reasons = new Table().Border(TableBorder.Rounded).Title(title).AddColumn("Reason").AddColumn(new TableColumn("Rows").RightAligned());
        foreach (var (kind, rows) in rejections.ByReason)
        {
            reasons.AddRow(Markup.Escape(kind), Format.Count(rows));
        }

        console.Write(reasons);
        if (rejections.First.Count == 0)
        {
            return;
        }

        var first = new Table().Border(TableBorder.Rounded).AddColumn(new TableColumn("Line").RightAligned()).AddColumn("Reason").AddColumn("Message");
        foreach (var rejection in rejections.First)
        {
            first.AddRow(Format.Count(rejection.Line), Markup.Escape(rejection.Kind), Markup.Escape(rejection.Message));
        }

        console.Write(first);
        if (count > rejections.First.Count)
        {
            console.MarkupLineInterpolated($"(the first {rejections.First.Count} of {Format.Count(count)} listed)");
        }
    }

    /// <summary>The cost tables: by meter, by model, per day, the hourly peak and the monthly projection.</summary>
    public static void RenderCosts(IAnsiConsole console, TracePricedResult costs)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(costs);
        var byMeter = new Table().Border(TableBorder.Rounded).Title("Cost by meter")
            .AddColumn("Meter").AddColumn(new TableColumn("Tokens").RightAligned()).AddColumn(new TableColumn("USD").RightAligned());
        foreach (var meter in Meters.All)
        {
            // Only the meters the trace used: a realtime trace uses up to eight, a chat one five or fewer.
            if (costs.Tokens[meter] != 0)
            {
                byMeter.AddRow(Meters.Label(meter), Format.Count(costs.Tokens[meter]), Format.Money(costs.ByMeterUsd[meter]));
            }
        }

        byMeter.AddRow("[bold]Total[/]", "", $"[bold]{Format.Money(costs.TotalUsd)}[/]");
        console.Write(byMeter);

        var byModel = new Table().Border(TableBorder.Rounded).Title("Cost by model")
            .AddColumn("Model").AddColumn(new TableColumn("Requests").RightAligned()).AddColumn(new TableColumn("USD").RightAligned());
        foreach (var model in costs.ByModel)
        {
            byModel.AddRow(Markup.Escape(model.Model), Format.Count(model.Requests), Format.Money(model.TotalUsd));
        }

        console.Write(byModel);

        var byDay = new Table().Border(TableBorder.Rounded).Title("Cost per day (UTC)")
            .AddColumn("Day").AddColumn(new TableColumn("Requests").RightAligned()).AddColumn(new TableColumn("USD").RightAligned())
            .AddColumn(new TableColumn("Busiest hour").RightAligned());
        foreach (var day in costs.PerDay)
        {
            var busiest = costs.PerHour.Where(h => h.Start.UtcDateTime.Date == day.Start.UtcDateTime).MaxBy(h => h.TotalUsd);
            byDay.AddRow(day.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Format.Count(day.Requests), Format.Money(day.TotalUsd),
                busiest is null ? "" : $"{busiest.Start:HH}:00 {Format.UsdCents(busiest.TotalUsd)}");
        }

        console.Write(byDay);
        if (costs.PerHour.Count <= 48)
        {
            var byHour = new Table().Border(TableBorder.Rounded).Title("Cost per hour (UTC)")
                .AddColumn("Hour").AddColumn(new TableColumn("Requests").RightAligned()).AddColumn(new TableColumn("USD").RightAligned());
            foreach (var hour in costs.PerHour)
            {
                byHour.AddRow(hour.Start.ToString("yyyy-MM-dd HH:00", CultureInfo.InvariantCulture), Format.Count(hour.Requests), Format.Money(hour.TotalUsd));
            }

            console.Write(byHour);
        }
        console.MarkupLineInterpolated($"[bold]Total: {Format.Money(costs.TotalUsd)}[/] for {Format.Count(costs.RequestsBilled)} request(s) over {Duration(TimeSpan.FromTicks((long)(costs.SpanSeconds * TimeSpan.TicksPerSecond)))}");
        console.MarkupLine(costs.MonthlyProjectionUsd is { } month
            ? $"30-day month at this rate: {Format.UsdCents(month)} (total x 30 days / span)"
            : "30-day month: not extrapolated (the trace spans a single instant)");
        if (costs.MonthlyProjectionCaveat is { } caveat)
        {
            console.MarkupLineInterpolated($"[yellow]Caveat:[/] {caveat}");
        }
    }

    /// <summary>"2026-01-15T09:30:00Z".</summary>
    public static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    /// <summary>"23 h 59 min" style.</summary>
    public static string Duration(TimeSpan span) => span.TotalHours >= 1
        ? $"{(long)span.TotalHours} h {span.Minutes} min"
        : $"{span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s";

    /// <summary>A "Cost by FIELD" table with a total row equal to the trace's total.</summary>
    public static void RenderGroups(IAnsiConsole console, GroupsResult groups, TracePricedResult total)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(total);
        string field = groups.Field;
        var table = new Table().RoundedBorder().Title($"Cost by {field}");
        table.AddColumn(field);
        table.AddColumn(new TableColumn("Requests").RightAligned());
        table.AddColumn(new TableColumn("USD").RightAligned());
        foreach (var group in groups.Groups)
        {
            table.AddRow(Markup.Escape(group.Group ?? $"(no {field} in the file)"), Format.Count(group.Requests), Format.Usd(group.TotalUsd));
        }

        table.AddRow("[bold]Total[/]", Format.Count(total.RequestsBilled), Format.Usd(total.TotalUsd));
        console.Write(table);
    }

    /// <summary>The audio-rate assumption, when the trace gave audio in seconds.</summary>
    public static Assumptions AudioAssumptions(IUsageSource reader, TraceOptions options, Planner.Core.Catalog.ModelCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(catalog);
        return new Assumptions().AddAudioRates(options.AudioTokenRates ?? catalog.AudioTokenRates, reader.ConvertedAudioSeconds).AddSource(reader);
    }

    /// <summary>Seconds as a plain number with up to 3 decimals.</summary>
    public static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("#,0.###", CultureInfo.InvariantCulture);
}
