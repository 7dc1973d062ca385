using System.Globalization;
using Planner.Core.Units;

namespace Planner.Cli.Rendering;

/// <summary>How figures read in tables: exact money, grouped counts.</summary>
public static class Format
{
    /// <summary>The exact amount, "$1,080" or "$0.006" (never rounded).</summary>
    public static string Usd(Usd amount) => Planner.Contract.Display.UsdText.Exact(amount);

    /// <summary>Money as tables show it: to the cent, grouped ("$1,080.00", "$0.04"), and "&lt;$0.01" for a non-zero
    /// amount that would round to $0.00 (a table never shows a cost as nothing). The exact figure is in --json.</summary>
    public static string Money(Usd amount) => Planner.Contract.Display.UsdText.Cents(amount);

    /// <summary>A cost per unit (a request, a minute of a call) as tables show it: exact up to 6 decimal places
    /// ("$0.012", "$0.004515"), rounded half away from zero past that ("$0.017413" for $0.0174133...), so a figure of a
    /// fraction of a cent is never shown as "$0.01". The exact figure is in --json.</summary>
    public static string UnitMoney(Usd amount) => Planner.Contract.Display.UsdText.Unit(amount);

    /// <summary>"$1,080.00" style, rounded to cents for summary lines; use <see cref="Usd"/> for exact figures.</summary>
    public static string UsdCents(Usd amount) => (amount.Value < 0 ? "-$" : "$") + Math.Abs(Math.Round(amount.Value, 2, MidpointRounding.AwayFromZero)).ToString("N2", CultureInfo.InvariantCulture);

    /// <summary>A price per 1M tokens as price tables write it: "$0.60", "$10.00", "$0.075".</summary>
    public static string Price(Planner.Core.Units.PricePerMillionTokens price) =>
        "$" + price.UsdPerMillion.ToString("#,0.00####", CultureInfo.InvariantCulture);

    /// <summary>A price in USD per 1M tokens as price tables write it: "$0.60", "$10.00", "$0.075".</summary>
    public static string Price(decimal usdPerMillion) => "$" + usdPerMillion.ToString("#,0.00####", CultureInfo.InvariantCulture);

    /// <summary>A price per 1M tokens, or "none" for a meter the model does not price.</summary>
    public static string Price(Planner.Core.Units.PricePerMillionTokens? price) => price is { } p ? Price(p) : "none";

    /// <summary>"16,384".</summary>
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A 128-bit count (token totals), grouped.</summary>
    public static string Count(Int128 value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A plain number with up to <paramref name="decimals"/> decimals, grouped.</summary>
    public static string Number(decimal value, int decimals = 2) =>
        Math.Round(value, decimals, MidpointRounding.AwayFromZero).ToString("#,0." + new string('#', decimals), CultureInfo.InvariantCulture);

    /// <summary>A ratio as "x1.25".</summary>
    public static string Ratio(decimal value) => "x" + Number(value, 4);

    /// <summary>A percentage change "+12.5%".</summary>
    public static string Percent(decimal value, int decimals = 2) => (value > 0 ? "+" : "") + Number(value, decimals) + "%";
}
