using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Planner.Core.Catalog;
using Planner.Web.Forms;

namespace Planner.Web.Pages;

/// <summary>The CSV downloads of the pages' results (exact figures, invariant culture).</summary>
public static class Downloads
{
    /// <summary>The Cost page's figures, from the contract's records: one row per model and meter, then each model's total.</summary>
    internal static IResult CostCsv(Site site, IQueryCollection query)
    {
        var form = new FormValues(query);
        var costQuery = CostRun.Read(query, form);
        CostRun.CheckModel(form, costQuery, site.Catalog);
        var compare = CostRun.Compare(form, site.Catalog);
        if (form.Errors.Count > 0)
        {
            return BadRequest(string.Join("; ", form.Errors.Select(e => e.Message)));
        }

        var csv = new StringBuilder("model,meter,tokens_per_request,usd_per_million,per_request_usd,per_day_usd,per_month_usd\n");
        foreach (var line in CostRun.Run(costQuery, compare, site.Catalog, site.Now))
        {
            var day = line.Day;
            foreach (var info in MeterTable.All)
            {
                var meter = info.Meter;
                if (day.Tokens[meter] == 0 && day.PerRequestBreakdownUsd[meter].Value == 0)
                {
                    continue;
                }

                string price = day.PricesUsdPer1m[meter] is { } p ? p.ToString(CultureInfo.InvariantCulture) : "";
                csv.Append(CultureInfo.InvariantCulture, $"{day.BillingId},{info.JsonKey},{day.Tokens[meter]},{price},{Exact(day.PerRequestBreakdownUsd[meter])},{Exact(day.BreakdownUsd[meter])},{Exact(line.Month.BreakdownUsd[meter])}\n");
            }

            csv.Append(CultureInfo.InvariantCulture, $"{day.BillingId},total,{day.Tokens.Total},,{Exact(day.PerRequestUsd)},{Exact(day.TotalUsd)},{Exact(line.Month.TotalUsd)}\n");
        }

        return File(csv.ToString(), "cost.csv");
    }

    /// <summary>The Projection page's monthly table (CSV) or its fan chart (SVG or PNG).</summary>
    internal static IResult Projection(Site site, IQueryCollection query, string kind)
    {
        var form = new FormValues(query);
        var (result, failure) = ProjectionPage.Run(site, query, form);
        if (result is null)
        {
            return BadRequest(failure ?? string.Join("; ", form.Errors.Select(e => e.Message)));
        }

        return kind switch
        {
            // The record the CLI's project --csv writes from, so both download the same bytes from one writer.
            "csv" => File(Planner.Contract.Csv.ProjectionCsv.ToCsv(result), "projection.csv"),
            // An attachment like the PNG and the CSV: the download link saves it rather than opening it.
            "svg" => Results.File(Encoding.UTF8.GetBytes(Charts.FanChart.Svg(result).Svg), "image/svg+xml; charset=utf-8", "projection.svg"),
            _ => Results.File(Charts.FanChart.Png(result), "image/png", "projection.png"),
        };
    }

    /// <summary>The Calls page's figures, from the contract's <c>CallResult</c>: one call turn by turn, then the call, the day and the month.</summary>
    internal static IResult CallsCsv(Site site, IQueryCollection query)
    {
        var form = new FormValues(query);
        var (view, failure) = CallsPage.Run(site, form, query);
        if (view is null)
        {
            return BadRequest(failure ?? string.Join("; ", form.Errors.Select(e => e.Message)));
        }

        var call = view.Call;
        var csv = new StringBuilder("row,turn,input_tokens,output_tokens,cost_usd,cumulative_cost_usd\n");
        foreach (var turn in call.Turns)
        {
            csv.Append(CultureInfo.InvariantCulture, $"turn,{turn.Turn},{Tokens(turn.Tokens, MeterDirection.Input)},{Tokens(turn.Tokens, MeterDirection.Output)},{Exact(turn.TotalUsd)},{Exact(turn.CumulativeUsd)}\n");
        }

        csv.Append(CultureInfo.InvariantCulture, $"call,,{Tokens(call.Tokens, MeterDirection.Input)},{Tokens(call.Tokens, MeterDirection.Output)},{Exact(call.TotalUsd)},\n");
        csv.Append(CultureInfo.InvariantCulture, $"day,,,,{Exact(view.PerDay)},\n");
        csv.Append(CultureInfo.InvariantCulture, $"month,,,,{Exact(view.PerMonth)},\n");
        return File(csv.ToString(), "calls.csv");
    }

    /// <summary>The tokens of one direction (input or output) of a record's per-meter tokens.</summary>
    private static long Tokens(Planner.Contract.Results.MeterTokens tokens, MeterDirection direction) =>
        MeterTable.All.Where(m => m.Direction == direction).Sum(m => tokens[m.Meter]);

    /// <summary>A 400 with one line.</summary>
    internal static IResult BadRequest(string message) =>
        Results.Text(message + "\n", "text/plain; charset=utf-8", Encoding.UTF8, StatusCodes.Status400BadRequest);

    /// <summary>An exact amount as CSV writes it: the decimal's digits, trailing zeros removed ("0.036").</summary>
    internal static string Exact(Planner.Core.Units.Usd amount) => amount.Normalized.ToString(CultureInfo.InvariantCulture);

    /// <summary>A CSV attachment.</summary>
    internal static IResult File(string text, string name) =>
        Results.File(Encoding.UTF8.GetBytes(text), "text/csv; charset=utf-8", name);
}
