using System.Globalization;
using System.Text.Json;
using Planner.Core.Units;

namespace Planner.Core.Catalog.Json;

public static partial class CatalogJson
{
    private sealed partial class Reader
    {

        private List<PriceSet> ReadPriceHistory(JsonElement array, string path, bool required)
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
            Known(p, path, "effective_from", "text_input", "cached_text_input", "audio_input", "text_output", "audio_output", "source");
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
    }
}
