using System.Globalization;
using System.Text.Json;
using Planner.Core.Units;

namespace Planner.Core.Catalog.Json;

public static partial class CatalogJson
{
    private sealed partial class Reader
    {

        /// <summary>A price history in ascending date order; price changes of unknown day go to <paramref name="windows"/>.</summary>
        private List<PriceSet> ReadPriceHistory(JsonElement array, string path, bool required, List<PriceChangeWindow> windows)
        {
            var result = new List<PriceSet>();
            if (array.ValueKind != JsonValueKind.Array)
            {
                Error(path, "must be an array of price sets");
                return result;
            }

            if (required && array.GetArrayLength() == 0)
            {
                Error(path, "must list at least one price set");
            }

            int i = 0;
            DateOnly? previous = null;
            foreach (var element in array.EnumerateArray())
            {
                string ip = $"{path}[{i}]";
                var set = ReadPriceSet(element, ip);
                if (set is not null)
                {
                    if (previous is { } prev && set.EffectiveFrom <= prev)
                    {
                        Error($"{ip}.effective_from", set.EffectiveFrom == prev
                            ? $"{set.EffectiveFrom:yyyy-MM-dd} is the same date as {path}[{i - 1}]: two price sets overlap"
                            : $"{set.EffectiveFrom:yyyy-MM-dd} is before {path}[{i - 1}]'s {prev:yyyy-MM-dd}: price sets must be in ascending date order");
                    }

                    previous = set.EffectiveFrom;
                    result.Add(set);
                    if (ReadConfirmedFrom(element, ip, set.EffectiveFrom, i) is { } confirmed)
                    {
                        windows.Add(new PriceChangeWindow { From = set.EffectiveFrom, ConfirmedFrom = confirmed });
                    }
                }

                i++;
            }

            return result;
        }

        private PriceSet? ReadPriceSet(JsonElement p, string path)
        {
            if (p.ValueKind != JsonValueKind.Object)
            {
                Error(path, "must be an object");
                return null;
            }

            int before = Errors.Count;
            Known(p, path, PriceSetFields);
            var from = RequiredDate(p, path, "effective_from");

            // Every meter's price field, read through the meter table. Absent or null: the model does not
            // price this meter (a cached meter then bills at its input meter's rate).
            var prices = new MeterValues<PricePerMillionTokens?>();
            foreach (var meter in MeterTable.All)
            {
                prices[meter.Meter] = p.TryGetProperty(meter.PriceField, out var value) && value.ValueKind != JsonValueKind.Null
                    ? RequiredPrice(p, path, meter.PriceField)
                    : null;
            }

            var source = RequiredSource(p, path);
            if (Errors.Count > before || from is null || source is null)
            {
                return null;
            }

            return new PriceSet
            {
                EffectiveFrom = from.Value,
                TextInput = prices[Meter.TextInput],
                CachedTextInput = prices[Meter.CachedTextInput],
                AudioInput = prices[Meter.AudioInput],
                CachedAudioInput = prices[Meter.CachedAudioInput],
                ImageInput = prices[Meter.ImageInput],
                CachedImageInput = prices[Meter.CachedImageInput],
                TextOutput = prices[Meter.TextOutput],
                AudioOutput = prices[Meter.AudioOutput],
                Source = source,
            };
        }

        private static readonly string[] PriceSetFields =
            ["effective_from", "confirmed_from", .. MeterTable.All.Select(m => m.PriceField), "source"];

        private PricePerMillionTokens? RequiredPrice(JsonElement owner, string path, string name)
        {
            if (RequiredNumber(owner, path, name, "must have at most 6 decimal places") is not { } value)
            {
                return null;
            }

            if (!PricePerMillionTokens.TryFromUsdPerMillion(value, out var price, out var error))
            {
                Error($"{path}.{name}", $"{error}, got {value.ToString(CultureInfo.InvariantCulture)}");
                return null;
            }

            return price;
        }

        /// <summary>The day a price change of unknown date was first observed, or null; the set's effective date
        /// is then the first day it may have happened (the day after the old prices were last seen).</summary>
        private DateOnly? ReadConfirmedFrom(JsonElement p, string path, DateOnly effectiveFrom, int index)
        {
            if (OptionalDate(p, path, "confirmed_from") is not { } confirmed)
            {
                return null;
            }

            if (index == 0)
            {
                Error($"{path}.confirmed_from", "must be absent on the first price set: there is no earlier price for the change to come from");
                return null;
            }

            if (confirmed <= effectiveFrom)
            {
                Error($"{path}.confirmed_from", $"must be after effective_from ({effectiveFrom:yyyy-MM-dd}), got {confirmed:yyyy-MM-dd}");
                return null;
            }

            return confirmed;
        }
    }
}
