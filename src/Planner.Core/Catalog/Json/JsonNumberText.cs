using System.Buffers.Binary;
using System.Numerics;

namespace Planner.Core.Catalog.Json;

/// <summary>Reads a JSON number from its text, exactly: System.Text.Json's <c>TryGetDecimal</c> rounds a
/// number with more digits than a decimal holds (0.6000000000000000000000000000001 becomes 0.6, 1e-400
/// becomes 0), so a catalog would load a figure nobody wrote. Here a number is a decimal only when the
/// decimal is the number itself.</summary>
internal static class JsonNumberText
{
    /// <summary>The most decimal places a decimal holds. The value is 28.</summary>
    public const int MaxScale = 28;

    private static readonly BigInteger MaxSignificand = new(decimal.MaxValue);

    /// <summary>Parses <paramref name="text"/>, a number as JSON writes it (optional minus, digits, optional
    /// fraction, optional exponent), into the decimal equal to it.</summary>
    /// <param name="text">The raw JSON number.</param>
    /// <param name="value">The number, when the result is true.</param>
    /// <param name="tooLarge">When false is returned: true when the number's whole part is beyond a decimal's
    /// range, false when it has more significant decimal places or digits than a decimal holds.</param>
    /// <returns>Whether a decimal is exactly the number.</returns>
    public static bool TryParseExact(string text, out decimal value, out bool tooLarge)
    {
        ArgumentNullException.ThrowIfNull(text);
        value = 0m;
        tooLarge = false;
        int i = 0;
        bool negative = i < text.Length && text[i] == '-';
        i += negative ? 1 : 0;

        // Digits of the whole and fraction parts together, leading zeros dropped; trailing zeros counted apart.
        var digits = new System.Text.StringBuilder(text.Length);
        long fractionDigits = 0;
        long trailingZeros = 0;
        bool inFraction = false;
        for (; i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'); i++)
        {
            char c = text[i];
            if (c == '.')
            {
                inFraction = true;
                continue;
            }

            fractionDigits += inFraction ? 1 : 0;
            if (c == '0')
            {
                if (digits.Length > 0)
                {
                    trailingZeros++;
                }

                continue;
            }

            digits.Append('0', (int)trailingZeros).Append(c);
            trailingZeros = 0;
        }

        long exponent = 0;
        if (i < text.Length && text[i] is 'e' or 'E')
        {
            i++;
            bool negativeExponent = i < text.Length && text[i] == '-';
            i += i < text.Length && text[i] is '-' or '+' ? 1 : 0;
            for (; i < text.Length && char.IsAsciiDigit(text[i]); i++)
            {
                // Clamped: an exponent past a billion is as out of reach as one past long.MaxValue.
                exponent = Math.Min(exponent * 10 + (text[i] - '0'), 1_000_000_000_000L);
            }

            exponent = negativeExponent ? -exponent : exponent;
        }

        if (i != text.Length)
        {
            throw new FormatException($"not a JSON number: {InputText.Quote(text)}");
        }

        if (digits.Length == 0)
        {
            return true;
        }

        // The number is digits x 10^-places (trailing zeros of the digits already taken out).
        long places = fractionDigits - exponent - trailingZeros;
        long wholeDigits = digits.Length - places;
        if (wholeDigits > 29 || (wholeDigits == 29 && places > 0 &&
            BigInteger.Parse(digits.ToString(0, 29), System.Globalization.CultureInfo.InvariantCulture) > MaxSignificand))
        {
            tooLarge = true;
            return false;
        }

        if (places > MaxScale || digits.Length > 29)
        {
            return false;
        }

        var significand = BigInteger.Parse(digits.ToString(), System.Globalization.CultureInfo.InvariantCulture);
        if (places < 0)
        {
            significand *= BigInteger.Pow(10, (int)-places);
            places = 0;
        }

        if (significand > MaxSignificand)
        {
            // 29 digits over 2^96 - 1: too large when it is all whole number, too precise when it has a fraction.
            tooLarge = places == 0;
            return false;
        }

        // Built from its bits and scale: no arithmetic, so nothing to round.
        Span<byte> bits = stackalloc byte[12];
        bits.Clear();
        significand.TryWriteBytes(bits, out _, isUnsigned: true, isBigEndian: false);
        value = new decimal(
            BinaryPrimitives.ReadInt32LittleEndian(bits[..4]), BinaryPrimitives.ReadInt32LittleEndian(bits[4..8]),
            BinaryPrimitives.ReadInt32LittleEndian(bits[8..]), negative, (byte)places);
        return true;
    }
}
