using System.Globalization;

namespace Planner.Core.Units;

/// <summary>A price in USD per 1,000,000 tokens, as price tables state it.</summary>
/// <remarks>Held exactly as whole picodollars per token (1e-12 USD), so pricing a request is
/// integer arithmetic: prices must be >= 0 with at most 6 decimal places (per 1M tokens).</remarks>
public readonly struct PricePerMillionTokens : IEquatable<PricePerMillionTokens>, IComparable<PricePerMillionTokens>
{
    private const decimal PicodollarsPerTokenPerUsdPerMillion = 1_000_000m;

    /// <summary>The highest price accepted: long.MaxValue / 1e9 picodollars per token (so a billion tokens priced at it still fit in a long).</summary>
    private const decimal MaxUsdPerMillion = long.MaxValue / 1_000_000_000 / PicodollarsPerTokenPerUsdPerMillion;

    private PricePerMillionTokens(decimal usdPerMillion, long picodollarsPerToken)
    {
        UsdPerMillion = usdPerMillion;
        PicodollarsPerToken = picodollarsPerToken;
    }

    /// <summary>Free.</summary>
    public static PricePerMillionTokens Zero => default;

    /// <summary>USD per 1M tokens, e.g. 0.60.</summary>
    public decimal UsdPerMillion { get; }

    /// <summary>The same price in whole picodollars per token (0.60 per 1M = 600,000).</summary>
    public long PicodollarsPerToken { get; }

    /// <summary>Creates a price from USD per 1M tokens. Must be >= 0, with at most 6 decimal places.</summary>
    public static PricePerMillionTokens FromUsdPerMillion(decimal usdPerMillion)
    {
        if (!TryFromUsdPerMillion(usdPerMillion, out var price, out var error))
        {
            throw new ArgumentOutOfRangeException(nameof(usdPerMillion), usdPerMillion, error);
        }

        return price;
    }

    /// <summary>Creates a price, or says why it cannot.</summary>
    public static bool TryFromUsdPerMillion(decimal usdPerMillion, out PricePerMillionTokens price, out string? error)
    {
        price = default;
        if (usdPerMillion < 0)
        {
            error = "must be >= 0";
            return false;
        }

        // Range first: multiplying a price near decimal.MaxValue would overflow before it could be refused.
        if (usdPerMillion > MaxUsdPerMillion)
        {
            error = "must be at most 9,223.372036 USD per 1M tokens";
            return false;
        }

        decimal pico = usdPerMillion * PicodollarsPerTokenPerUsdPerMillion;
        if (pico != decimal.Truncate(pico))
        {
            error = "must have at most 6 decimal places";
            return false;
        }

        price = new PricePerMillionTokens(usdPerMillion / 1.000000000000000000000000m, (long)pico);
        error = null;
        return true;
    }

    /// <summary>The exact cost of <paramref name="tokens"/> at <paramref name="price"/>.</summary>
    public static Usd operator *(TokenCount tokens, PricePerMillionTokens price) =>
        Usd.FromPicodollars((Int128)tokens.Value * price.PicodollarsPerToken);

    public static bool operator ==(PricePerMillionTokens a, PricePerMillionTokens b) => a.PicodollarsPerToken == b.PicodollarsPerToken;
    public static bool operator !=(PricePerMillionTokens a, PricePerMillionTokens b) => a.PicodollarsPerToken != b.PicodollarsPerToken;
    public static bool operator <(PricePerMillionTokens a, PricePerMillionTokens b) => a.PicodollarsPerToken < b.PicodollarsPerToken;
    public static bool operator >(PricePerMillionTokens a, PricePerMillionTokens b) => a.PicodollarsPerToken > b.PicodollarsPerToken;

    public bool Equals(PricePerMillionTokens other) => PicodollarsPerToken == other.PicodollarsPerToken;
    public override bool Equals(object? obj) => obj is PricePerMillionTokens other && Equals(other);
    public override int GetHashCode() => PicodollarsPerToken.GetHashCode();
    public int CompareTo(PricePerMillionTokens other) => PicodollarsPerToken.CompareTo(other.PicodollarsPerToken);

    /// <summary>"$0.6 / 1M tokens".</summary>
    public override string ToString() => "$" + UsdPerMillion.ToString(CultureInfo.InvariantCulture) + " / 1M tokens";
}
