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
            Known(p, path, "effective_from", "confirmed_from", "text_input", "cached_text_input", "audio_input", "cached_audio_input",
                "image_input", "cached_image_input", "text_output", "audio_output", "source");

            // The meters branch bills these three; until then they are validated as prices and not stored.
            foreach (string later in (string[])["cached_audio_input", "image_input", "cached_image_input"])
            {
                if (p.TryGetProperty(later, out var v) && v.ValueKind != JsonValueKind.Null)
                {
                    RequiredPrice(p, path, later);
                }
            }

            var from = RequiredDate(p, path, "effective_from");
            var textIn = RequiredPrice(p, path, "text_input");
            PricePerMillionTokens? cached = p.TryGetProperty("cached_text_input", out var c) && c.ValueKind != JsonValueKind.Null
                ? RequiredPrice(p, path, "cached_text_input")
                : null;
            var audioIn = RequiredPrice(p, path, "audio_input");
            var textOut = RequiredPrice(p, path, "text_output");
            var audioOut = RequiredPrice(p, path, "audio_output");
            var source = RequiredSource(p, path);
            if (Errors.Count > before || from is null || textIn is null || audioIn is null || textOut is null || audioOut is null || source is null)
            {
                return null;
            }

            return new PriceSet
            {
                EffectiveFrom = from.Value,
                TextInput = textIn.Value,
                CachedTextInput = cached,
                AudioInput = audioIn.Value,
                TextOutput = textOut.Value,
                AudioOutput = audioOut.Value,
                Source = source,
            };
        }

        private PricePerMillionTokens? RequiredPrice(JsonElement owner, string path, string name)
        {
            if (RequiredNumber(owner, path, name) is not { } value)
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
