using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Planner.Core.Ingest;
using Planner.Core.Traces;

namespace Planner.Core.Tests.Ingest;

/// <summary>The same traffic written as Planner's CSV, as a response log and as 1m Usage API buckets prices to the same total.</summary>
public class CrossFormatLawsTests
{
    private const long Start = 1768467600; // 2026-01-15T09:00:00Z

    /// <summary>One request: text in, cached, audio in, text out, audio out; at a second of the hour.</summary>
    public sealed record Request(int TextIn, int Cached, int AudioIn, int TextOut, int AudioOut, int Second);

    public static class Generators
    {
        public static Arbitrary<Request[]> Requests() =>
            Gen.Choose(1, 40).SelectMany(n => Gen.ArrayOf(
                from textIn in Gen.Choose(0, 20_000)
                from cached in Gen.Choose(0, 20_000)
                from audioIn in Gen.Choose(0, 60_000)
                from textOut in Gen.Choose(0, 4_000)
                from audioOut in Gen.Choose(0, 12_000)
                from second in Gen.Choose(0, 3_599)
                select new Request(textIn, cached, audioIn, textOut, audioOut, second), n))
            .Select(a => a.OrderBy(r => r.Second).ToArray())
            .ToArbitrary();
    }

    private static decimal Price(string path)
    {
        var costs = new TraceCosts();
        using var source = UsageFormats.Open(path, TestData.Catalog, new TraceOptions(), new TraceRejections());
        source.ReadAll(costs);
        return costs.Totals.Total.Value;
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 40)]
    public bool Csv_ResponseLog_AndMinuteBuckets_PriceToTheSameTotal(Request[] requests)
    {
        var csv = new StringBuilder("timestamp,model,input_text_tokens,cached_input_tokens,input_audio_tokens,output_text_tokens,output_audio_tokens\n");
        var log = new StringBuilder();
        foreach (var r in requests)
        {
            var at = DateTimeOffset.FromUnixTimeSeconds(Start + r.Second);
            csv.Append(CultureInfo.InvariantCulture, $"{at:yyyy-MM-ddTHH:mm:ssZ},gpt-audio-mini,{r.TextIn},{r.Cached},{r.AudioIn},{r.TextOut},{r.AudioOut}\n");
            log.Append(
                $$$"""{"created":{{{Start + r.Second}}},"model":"gpt-audio-mini","usage":{"prompt_tokens":{{{r.TextIn + r.Cached + r.AudioIn}}},"completion_tokens":{{{r.TextOut + r.AudioOut}}},"prompt_tokens_details":{"cached_tokens":{{{r.Cached}}},"audio_tokens":{{{r.AudioIn}}}},"completion_tokens_details":{"audio_tokens":{{{r.AudioOut}}}""" + "}}}")
               .Append('\n');
        }

        // One 1m bucket per minute that has requests, with the minute's sums (input_tokens counting every modality).
        var buckets = requests.GroupBy(r => r.Second / 60).Select(g => $$"""
            {"object":"bucket","start_time":{{Start + (g.Key * 60)}},"end_time":{{Start + (g.Key * 60) + 60}},"results":[{"object":"organization.usage.completions.result","input_tokens":{{g.Sum(r => (long)r.TextIn + r.Cached + r.AudioIn)}},"output_tokens":{{g.Sum(r => (long)r.TextOut + r.AudioOut)}},"input_cached_tokens":{{g.Sum(r => (long)r.Cached)}},"input_audio_tokens":{{g.Sum(r => (long)r.AudioIn)}},"output_audio_tokens":{{g.Sum(r => (long)r.AudioOut)}},"num_model_requests":{{g.Count()}},"model":"gpt-audio-mini"}]}
            """);
        string page = "{\"object\":\"page\",\"data\":[" + string.Join(",", buckets) + "],\"has_more\":false,\"next_page\":null}";

        decimal fromCsv = Price(UsageFiles.Write(csv.ToString(), ".csv"));
        decimal fromLog = Price(UsageFiles.Write(log.ToString()));
        decimal fromBuckets = Price(UsageFiles.Write(page, ".json"));
        decimal byHand = requests.Sum(r => (r.TextIn * 0.60m) + (r.Cached * 0.60m) + (r.AudioIn * 10m) + (r.TextOut * 2.40m) + (r.AudioOut * 20m)) / 1_000_000;
        return fromCsv == byHand && fromLog == byHand && fromBuckets == byHand;
    }
}
