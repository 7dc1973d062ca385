using FsCheck;
using FsCheck.Xunit;
using Planner.Core.Pricing;

namespace Planner.Core.Tests.Pricing;

/// <summary>The pricing laws, checked on generated usages for every bundled model.</summary>
[Properties(Arbitrary = [typeof(Arbitraries)])]
public class PricingLawsTests
{
    private static readonly PriceSheet[] Sheets = TestData.Catalog.Models.Select(m => new PriceSheet(m.Prices[^1])).ToArray();

    private static Usage ToUsage(MeterTokens a, MeterTokens b, MeterTokens c, MeterTokens d, MeterTokens e) =>
        Usage.Of(a.Value, b.Value, c.Value, d.Value, e.Value);

    [Property]
    public bool Cost_IsAdditiveOverRequests(MeterTokens a1, MeterTokens b1, MeterTokens c1, MeterTokens d1, MeterTokens e1,
        MeterTokens a2, MeterTokens b2, MeterTokens c2, MeterTokens d2, MeterTokens e2)
    {
        var x = ToUsage(a1, b1, c1, d1, e1);
        var y = ToUsage(a2, b2, c2, d2, e2);
        return Sheets.All(s => s.Price(x + y) == s.Price(x) + s.Price(y));
    }

    [Property]
    public bool Cost_IsMonotoneInEveryCount(MeterTokens a, MeterTokens b, MeterTokens c, MeterTokens d, MeterTokens e, PositiveInt more, byte meter)
    {
        var usage = ToUsage(a, b, c, d, e);
        var extra = (meter % 5) switch
        {
            0 => Usage.Of(textInput: more.Get),
            1 => Usage.Of(cachedInput: more.Get),
            2 => Usage.Of(audioInput: more.Get),
            3 => Usage.Of(textOutput: more.Get),
            _ => Usage.Of(audioOutput: more.Get),
        };
        return Sheets.All(s => s.Price(usage + extra).TotalPicodollars >= s.Price(usage).TotalPicodollars);
    }

    [Fact]
    public void Cost_OfZeroUsage_IsZero() => Sheets.Should().OnlyContain(s => s.Price(Usage.Zero).TotalPicodollars == 0);

    [Property]
    public bool Audio_IsNeverPricedAtTheTextRate(PositiveInt tokens)
    {
        // For every bundled model, an audio token costs more than a text token on the same side.
        return Sheets.All(s =>
            s.Price(Usage.Of(audioInput: tokens.Get)).TotalPicodollars > s.Price(Usage.Of(textInput: tokens.Get)).TotalPicodollars &&
            s.Price(Usage.Of(audioOutput: tokens.Get)).TotalPicodollars > s.Price(Usage.Of(textOutput: tokens.Get)).TotalPicodollars);
    }

    [Property]
    public bool Total_IsTheSumOfTheParts(MeterTokens a, MeterTokens b, MeterTokens c, MeterTokens d, MeterTokens e)
    {
        var usage = ToUsage(a, b, c, d, e);
        return Sheets.All(s =>
        {
            var cost = s.Price(usage);
            return cost.Total == cost.TextInput + cost.CachedInput + cost.AudioInput + cost.TextOutput + cost.AudioOutput;
        });
    }

    [Property]
    public bool Totals_OfKRequests_EqualKTimesOne(MeterTokens a, MeterTokens c, MeterTokens e, RequestCount k)
    {
        // k up to 10^12 requests of up to 10^9 tokens a meter: totals past 2^63 must stay exact (128-bit).
        var usage = Usage.Of(textInput: a.Value, audioInput: c.Value, audioOutput: e.Value);
        var sheet = Sheets[0];
        var cost = sheet.Price(usage);
        var once = new CostTotals();
        once.Add(usage, cost, k.Value);
        var oneByOne = new CostTotals();
        for (int i = 0; i < Math.Min(k.Value, 50); i++)
        {
            oneByOne.Add(usage, cost);
        }

        return once.TotalPicodollars == (Int128)cost.TotalPicodollars * k.Value &&
            once.TextInputTokens == (Int128)a.Value * k.Value &&
            once.AudioOutputTokens == (Int128)e.Value * k.Value &&
            (k.Value > 50 || once.Total == oneByOne.Total);
    }
}
