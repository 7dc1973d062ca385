using System.Globalization;
using Planner.Core.Units;

namespace Planner.Contract.Display;

/// <summary>How a USD figure reads to a person, the one convention the CLI's tables and the web's pages share (the
/// exact figure is always in the JSON).</summary>
public static class UsdText
{
    /// <summary>To the cent, grouped ("$1,080.00", "$0.04"), and "&lt;$0.01" for a non-zero amount that would round to
    /// $0.00 (a cost is never shown as nothing).</summary>
    public static string Cents(Usd amount)
    {
        decimal value = amount.Value;
        if (value != 0 && Math.Abs(value) < 0.005m)
        {
            return value > 0 ? "<$0.01" : "-<$0.01";
        }

        decimal cents = Math.Round(Math.Abs(value), 2, MidpointRounding.AwayFromZero);
        return (value < 0 ? "-$" : "$") + cents.ToString("N2", CultureInfo.InvariantCulture);
    }

    /// <summary>A cost per unit (a request, a minute of a call): exact up to 6 decimal places ("$0.012", "$0.004515"),
    /// rounded half away from zero past that ("$0.017413" for $0.0174133...), so a fraction of a cent never reads "$0.01".</summary>
    public static string Unit(Usd amount)
    {
        decimal rounded = Math.Round(amount.Value, 6, MidpointRounding.AwayFromZero);
        return (rounded < 0 ? "-$" : "$") + Math.Abs(rounded).ToString("#,0.00####", CultureInfo.InvariantCulture);
    }

    /// <summary>The exact amount, grouped, never rounded: "$1,080", "$0.006", "-$2.5".</summary>
    public static string Exact(Usd amount)
    {
        decimal value = amount.Normalized;
        string sign = value < 0 ? "-" : "";
        value = Math.Abs(value);
        decimal whole = decimal.Truncate(value);
        string fraction = (value - whole).ToString(CultureInfo.InvariantCulture);
        return sign + "$" + whole.ToString("N0", CultureInfo.InvariantCulture) + (fraction == "0" ? "" : fraction[1..]);
    }
}
