using System.Globalization;

namespace Planner.Web.Tests;

/// <summary>The bundled sample trace's exact total, worked out here from its rows and the price table written in this
/// file (USD per 1M tokens in effect on 2026-01-15), independently of Planner's readers and pricing.</summary>
public static class SampleTrace
{
    public static string Path => System.IO.Path.Combine(WebHost.DataDirectory, "traces", "voice-support-day.csv");

    // Columns: input_text_tokens, cached_input_tokens, input_audio_tokens, output_text_tokens, output_audio_tokens.
    // Neither model lists a cached text price: cached tokens bill at the text input rate.
    private static readonly Dictionary<string, decimal[]> PricePerMillion = new()
    {
        ["gpt-audio-mini"] = [0.60m, 0.60m, 10m, 2.40m, 20m],
        ["gpt-audio"] = [2.50m, 2.50m, 32m, 10m, 64m], // the 2025-10-03 prices
    };

    /// <summary>The sum over rows of tokens x price / 1M, exactly.</summary>
    public static decimal ExactTotal()
    {
        decimal total = 0;
        foreach (string line in File.ReadLines(Path).Skip(1))
        {
            string[] f = line.Split(',');
            var prices = PricePerMillion[f[1]];
            for (int i = 0; i < 5; i++)
            {
                total += long.Parse(f[2 + i], CultureInfo.InvariantCulture) * prices[i] / 1_000_000m;
            }
        }

        return total;
    }

    /// <summary>"$28.08"-style, to the cent, as the page's headline shows it.</summary>
    public static string Cents(decimal value) => "$" + Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("N2", CultureInfo.InvariantCulture);

    /// <summary>"$28.083..." exact, as the page's "exact:" line shows it.</summary>
    public static string Exact(decimal value) => "$" + (value / 1.000000000000000000000000000m).ToString("#,0.############################", CultureInfo.InvariantCulture);
}
