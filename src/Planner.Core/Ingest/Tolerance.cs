using System.Globalization;

namespace Planner.Core.Ingest;

/// <summary>How far Planner's cost may be from the bill before a reconciliation fails: an amount in USD, or a percentage of the billed amount.</summary>
public readonly record struct Tolerance
{
    private Tolerance(decimal amount, bool percent)
    {
        Amount = amount;
        IsPercent = percent;
    }

    /// <summary>USD, or percent when <see cref="IsPercent"/>.</summary>
    public decimal Amount { get; }

    /// <summary>True for a percentage of the billed amount.</summary>
    public bool IsPercent { get; }

    /// <summary>The default: one cent.</summary>
    public static Tolerance Default { get; } = new(0.01m, false);

    /// <summary>Parses "0.01" (USD) or "0.5%" (of the billed amount); must be >= 0.</summary>
    public static bool TryParse(string text, out Tolerance tolerance, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        tolerance = Default;
        string value = text.Trim();
        bool percent = value.EndsWith('%');
        if (percent)
        {
            value = value[..^1];
        }

        value = value.TrimStart('$');
        if (!decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal amount))
        {
            error = $"must be USD (e.g. 0.01) or a percentage (e.g. 0.5%) >= 0, got '{text}'";
            return false;
        }

        tolerance = new Tolerance(amount, percent);
        error = null;
        return true;
    }

    /// <summary>True when <paramref name="difference"/> is beyond the tolerance for <paramref name="billed"/>.</summary>
    public bool Exceeded(decimal difference, decimal billed) =>
        Math.Abs(difference) > (IsPercent ? Math.Abs(billed) * Amount / 100m : Amount);

    public override string ToString() => IsPercent
        ? Amount.ToString("0.####", CultureInfo.InvariantCulture) + "%"
        : "$" + Amount.ToString("0.########", CultureInfo.InvariantCulture);
}
