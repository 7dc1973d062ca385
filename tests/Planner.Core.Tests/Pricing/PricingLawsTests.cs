using FsCheck;
using FsCheck.Xunit;
using Planner.Core.Pricing;

namespace Planner.Core.Tests.Pricing;

/// <summary>The pricing laws, checked on generated usages for every bundled model.</summary>
public class PricingLawsTests
{
    private static readonly PriceSheet[] Sheets = TestData.Catalog.Models.Select(m => new PriceSheet(m.Prices[^1])).ToArray();

    private static Usage ToUsage(NonNegativeInt a, NonNegativeInt b, NonNegativeInt c, NonNegativeInt d, NonNegativeInt e) =>
        Usage.Of(a.Get, b.Get, c.Get, d.Get, e.Get);

    [Property]
    public bool Cost_IsAdditiveOverRequests(NonNegativeInt a1, NonNegativeInt b1, NonNegativeInt c1, NonNegativeInt d1, NonNegativeInt e1,
        NonNegativeInt a2, NonNegativeInt b2, NonNegativeInt c2, NonNegativeInt d2, NonNegativeInt e2)
    {
        var x = ToUsage(a1, b1, c1, d1, e1);
        var y = ToUsage(a2, b2, c2, d2, e2);
        return Sheets.All(s => s.Price(x + y) == s.Price(x) + s.Price(y));
    }

    [Property]
    public bool Cost_IsMonotoneInEveryCount(NonNegativeInt a, NonNegativeInt b, NonNegativeInt c, NonNegativeInt d, NonNegativeInt e, PositiveInt more, byte meter)
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
    public bool Total_IsTheSumOfTheParts(NonNegativeInt a, NonNegativeInt b, NonNegativeInt c, NonNegativeInt d, NonNegativeInt e)
    {
        var usage = ToUsage(a, b, c, d, e);
        return Sheets.All(s =>
        {
            var cost = s.Price(usage);
            return cost.Total == cost.TextInput + cost.CachedInput + cost.AudioInput + cost.TextOutput + cost.AudioOutput;
        });
    }

    [Property]
    public bool Totals_OfKRequests_EqualKTimesOne(NonNegativeInt a, NonNegativeInt c, NonNegativeInt e, PositiveInt k)
    {
        var usage = Usage.Of(textInput: a.Get, audioInput: c.Get, audioOutput: e.Get);
        var sheet = Sheets[0];
        var once = new CostTotals();
        once.Add(usage, sheet.Price(usage), k.Get);
        var oneByOne = new CostTotals();
        for (int i = 0; i < Math.Min(k.Get, 50); i++)
        {
            oneByOne.Add(usage, sheet.Price(usage));
        }

        return k.Get > 50 || once.Total == oneByOne.Total;
    }
}
