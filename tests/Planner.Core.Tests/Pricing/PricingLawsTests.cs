using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Planner.Core.Catalog;
using Planner.Core.Pricing;

namespace Planner.Core.Tests.Pricing;

/// <summary>The pricing laws, checked on generated usages over all eight meters, for every bundled model
/// and for the in-code realtime models that price cached audio and image.</summary>
public class PricingLawsTests
{
    private static readonly PriceSheet[] Sheets =
    [
        .. TestData.Catalog.Models.Select(m => new PriceSheet(m.Prices[^1], m.Id)),
        .. MeterTestCatalog.Catalog.Models.Select(m => new PriceSheet(m.Prices[^1], m.Id)),
    ];

    /// <summary>Per meter: zero, a few hundred, or anything up to a full 128,000-token context (real ranges).</summary>
    private static readonly Gen<long> Count = Gen.Frequency(
        (2, Gen.Constant(0L)),
        (3, Gen.Choose(0, 2_000).Select(i => (long)i)),
        (3, Gen.Choose(0, 128_000).Select(i => (long)i)));

    private static readonly Gen<Usage> Usages = Gen.ArrayOf(Count, MeterTable.Count).Select(counts =>
    {
        var tokens = default(MeterValues<long>);
        for (int i = 0; i < MeterTable.Count; i++)
        {
            tokens[i] = counts[i];
        }

        return new Usage(tokens);
    });

    private static Arbitrary<Usage> AnyUsage => Arb.From(Usages);

    /// <summary>The usage with the meters the sheet does not price emptied (those are an error, tested apart).</summary>
    private static Usage Billable(PriceSheet sheet, Usage usage)
    {
        var tokens = usage.Tokens;
        for (int i = 0; i < MeterTable.Count; i++)
        {
            if (((sheet.UnpricedMask >> i) & 1) != 0)
            {
                tokens[i] = 0;
            }
        }

        return new Usage(tokens);
    }

    [Property]
    public Property Cost_IsAdditiveOverRequests() =>
        Prop.ForAll(AnyUsage, AnyUsage, (a, b) => Sheets.All(s =>
        {
            var x = Billable(s, a);
            var y = Billable(s, b);
            return s.Price(x + y) == s.Price(x) + s.Price(y);
        }));

    [Property]
    public Property Cost_IsMonotoneInEveryCount() =>
        Prop.ForAll(AnyUsage, Arb.From(Gen.Choose(1, 128_000)), Arb.From(Gen.Choose(0, MeterTable.Count - 1)), (a, more, m) => Sheets.All(s =>
        {
            var meter = (Meter)m;
            var usage = Billable(s, a);
            var bigger = usage.With(meter, new Planner.Core.Units.TokenCount(usage[meter].Value + more));
            return s.Unpriced(bigger) is not null || s.Price(bigger).TotalPicodollars >= s.Price(usage).TotalPicodollars;
        }));

    [Fact]
    public void Cost_OfZeroUsage_IsZero() => Sheets.Should().OnlyContain(s => s.Price(Usage.Zero).TotalPicodollars == 0);

    [Property]
    public Property Audio_IsNeverPricedAtTheTextRate() =>
        Prop.ForAll(Arb.From(Gen.Choose(1, 128_000)), tokens => Sheets.All(s =>
            s.Price(Usage.Of(audioInput: tokens)).TotalPicodollars > s.Price(Usage.Of(textInput: tokens)).TotalPicodollars &&
            s.Price(Usage.Of(audioOutput: tokens)).TotalPicodollars > s.Price(Usage.Of(textOutput: tokens)).TotalPicodollars));

    [Property]
    public Property Total_IsTheSumOfTheParts() =>
        Prop.ForAll(AnyUsage, a => Sheets.All(s =>
        {
            var cost = s.Price(Billable(s, a));
            return cost.Total == MeterTable.Meters.Aggregate(Planner.Core.Units.Usd.Zero, (sum, m) => sum + cost[m]);
        }));

    [Property]
    public Property Totals_OfKRequests_EqualKTimesOne() =>
        Prop.ForAll(AnyUsage, Arb.From(Gen.Choose(1, 50)), (a, k) => Sheets.All(s =>
        {
            var usage = Billable(s, a);
            var once = new CostTotals();
            once.Add(usage, s.Price(usage), k);
            var oneByOne = new CostTotals();
            for (int i = 0; i < k; i++)
            {
                oneByOne.Add(usage, s.Price(usage));
            }

            return once.Total == oneByOne.Total && MeterTable.Meters.All(m => once.Tokens(m) == oneByOne.Tokens(m) && once[m] == oneByOne[m]);
        }));

    [Property(Arbitrary = [typeof(Arbitraries)])]
    public bool Totals_OfUpToTenToTheTwelveRequests_StayExactPastTwoToTheSixtyThree(MeterTokens a, MeterTokens c, MeterTokens e, RequestCount k)
    {
        // k up to 10^12 requests of up to 10^9 tokens a meter (the bounds of the options): token totals past 2^63
        // must stay exact (128-bit), as the money does.
        var usage = Usage.Of(textInput: a.Value, audioInput: c.Value, audioOutput: e.Value);
        var sheet = Sheets[0];
        var cost = sheet.Price(usage);
        var totals = new CostTotals();
        totals.Add(usage, cost, k.Value);

        return totals.TotalPicodollars == (Int128)cost.TotalPicodollars * k.Value &&
            totals.Tokens(Meter.TextInput) == (Int128)a.Value * k.Value &&
            totals.Tokens(Meter.AudioOutput) == (Int128)e.Value * k.Value;
    }

    [Property]
    public Property UsageOnAnUnpricedMeter_IsNeverSilentlyFree() =>
        Prop.ForAll(AnyUsage, a => Sheets.All(s =>
        {
            var unpriced = s.Unpriced(a);
            if (unpriced is null)
            {
                return true;
            }

            try
            {
                s.Price(a);
                return false;
            }
            catch (PlannerException e)
            {
                return e.Kind == PlannerErrorKind.UnpricedMeter;
            }
        }));
}
