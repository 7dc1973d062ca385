using System.Globalization;
using Planner.Core.Units;

namespace Planner.Web.Html;

/// <summary>How figures read on the pages (the same conventions as the CLI's tables; downloads and the API keep the exact figures).</summary>
public static class Money
{
    /// <summary>The exact amount, "$1,080" or "$0.006" (never rounded).</summary>
    public static string Exact(Usd amount) => Planner.Contract.Display.UsdText.Exact(amount);

    /// <summary>To the cent ("$1,080.00"), and "&lt;$0.01" for a non-zero amount that would show as $0.00.</summary>
    public static string Cents(Usd amount) => Planner.Contract.Display.UsdText.Cents(amount);

    /// <summary>A cost per unit (a request, a minute): exact to 6 decimals ("$0.036", "$0.017413").</summary>
    public static string Unit(Usd amount) => Planner.Contract.Display.UsdText.Unit(amount);

    /// <summary>Whole dollars from $1,000 up, cents below (for Monte Carlo figures, which are not exact anyway).</summary>
    public static string Rounded(Usd amount) =>
        Math.Abs(amount.Value) >= 1_000m
            ? (amount.Value < 0 ? "-$" : "$") + Math.Round(Math.Abs(amount.Value), 0, MidpointRounding.AwayFromZero).ToString("N0", CultureInfo.InvariantCulture)
            : Cents(amount);

    /// <summary>A price per 1M tokens: "$0.60", "$10.00", "$0.075"; "—" for a meter not priced.</summary>
    public static string Price(PricePerMillionTokens? price) =>
        price is { } p ? "$" + p.UsdPerMillion.ToString("#,0.00####", CultureInfo.InvariantCulture) : "—";

    /// <summary>A rate in USD per 1M tokens as a plain decimal: "$0.60", "$10.00".</summary>
    public static string Rate(decimal usdPerMillion) => "$" + usdPerMillion.ToString("#,0.00####", CultureInfo.InvariantCulture);

    /// <summary>"16,384".</summary>
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A 128-bit count, grouped.</summary>
    public static string Count(Int128 value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A number with up to <paramref name="decimals"/> decimals, grouped.</summary>
    public static string Number(decimal value, int decimals = 2) =>
        Math.Round(value, decimals, MidpointRounding.AwayFromZero).ToString("#,0." + new string('#', decimals), CultureInfo.InvariantCulture);

    /// <summary>A ratio "×1.25".</summary>
    public static string Ratio(decimal value) => "×" + Number(value, 2);

    /// <summary>A date "2026-12-01".</summary>
    public static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
