using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Planner.Core.Traces;

namespace Planner.Core.Tests.Traces;

/// <summary>The law of chunked reading: on any trace (bad rows, out-of-order rows, blank lines, CR LF anywhere), every
/// chunked read gives exactly the sequential read: the same totals to the last picodollar by model, meter, hour and
/// day, the same rows with the same lines, the same rejections in the same order, and, without --skip-invalid, the
/// same first bad row.</summary>
public class TraceChunksPropertyTests
{
    private const string Header = "timestamp,model,input_text_tokens,cached_input_tokens,input_audio_tokens,output_text_tokens,output_audio_tokens,max_tokens,request_id";

    private static readonly DateTime Origin = new(2026, 1, 15, 0, 0, 0, DateTimeKind.Utc);

    private enum Kind
    {
        Valid,
        Earlier,
        Negative,
        Unparsable,
        UnknownModel,
        NoPrice,
        Truncated,
        OverCap,
        MalformedQuote,
        Blank,
    }

    private sealed record RowSpec(Kind Kind, long GapTicks, long BackTicks, int Model, int[] Tokens, int Format, bool CrLf);

    /// <summary>A generated trace: its lines (with their line endings) and the chunk count of one extra chunked read.</summary>
    public sealed record GeneratedTrace(string Text, int Chunks)
    {
        public override string ToString() => $"{Chunks} chunks:\n{Text}";
    }

    private static readonly Gen<long> Gap = Gen.Frequency(
        (2, Gen.Constant(0L)),
        (4, Gen.Choose(0, 1_000).Select(ms => ms * TimeSpan.TicksPerMillisecond)),
        (3, Gen.Choose(0, 120).Select(s => s * TimeSpan.TicksPerSecond)),
        (1, Gen.Choose(0, 180).Select(m => m * TimeSpan.TicksPerMinute)));

    private static readonly Gen<RowSpec> Rows =
        from kind in Gen.Frequency(
            (60, Gen.Constant(Kind.Valid)), (8, Gen.Constant(Kind.Earlier)), (3, Gen.Constant(Kind.Negative)),
            (3, Gen.Constant(Kind.Unparsable)), (3, Gen.Constant(Kind.UnknownModel)), (3, Gen.Constant(Kind.NoPrice)),
            (2, Gen.Constant(Kind.Truncated)), (2, Gen.Constant(Kind.OverCap)), (2, Gen.Constant(Kind.MalformedQuote)),
            (3, Gen.Constant(Kind.Blank)))
        from gap in Gap
        from back in Gen.Choose(1, 7_200).Select(s => s * TimeSpan.TicksPerSecond)
        from model in Gen.Choose(0, 2)
        from tokens in Gen.ArrayOf(Gen.Frequency((2, Gen.Constant(0)), (5, Gen.Choose(0, 3_000)), (1, Gen.Choose(0, 100_000))), 5)
        from format in Gen.Choose(0, 4)
        from crlf in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
        select new RowSpec(kind, gap, back, model, tokens, format, crlf);

    private static readonly string[] Models = ["gpt-audio-mini", "gpt-audio", "gpt-realtime-mini"];

    private static string Stamp(DateTime t, int format) => format switch
    {
        0 => t.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        1 => t.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        2 => t.AddHours(2).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'+02:00'", CultureInfo.InvariantCulture),
        3 => t.ToString("yyyy-MM-dd HH:mm:ss.ff", CultureInfo.InvariantCulture),
        _ => t.AddHours(-5).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'-0500'", CultureInfo.InvariantCulture),
    };

    private static string Write(IReadOnlyList<RowSpec> specs)
    {
        var text = new StringBuilder(Header).Append('\n');
        var clock = Origin;
        foreach (var r in specs)
        {
            if (r.Kind != Kind.Earlier)
            {
                clock = clock.AddTicks(r.GapTicks);
            }

            var t = r.Kind == Kind.Earlier ? clock.AddTicks(-r.BackTicks) : clock;
            string model = Models[r.Model];
            var k = r.Tokens;
            int output = k[4] % 16_000;
            string line = r.Kind switch
            {
                Kind.Blank => "",
                Kind.Negative => $"{Stamp(t, r.Format)},{model},-{k[0] + 1},{k[1]},{k[2]},{k[3]},{output},,n",
                Kind.Unparsable => $"{Stamp(t, r.Format)},{model},{k[0]}x,{k[1]},{k[2]},{k[3]},{output},,u",
                Kind.UnknownModel => $"{Stamp(t, r.Format)},gpt-9,{k[0]},{k[1]},{k[2]},{k[3]},{output},,m",
                Kind.NoPrice => $"2025-06-01T00:00:00Z,gpt-audio-mini,{k[0]},0,0,0,0,,p",
                Kind.Truncated => $"{Stamp(t, r.Format)},{model},{k[0]}",
                Kind.OverCap => $"{Stamp(t, r.Format)},{model},{k[0]},0,0,0,20000,,c",
                Kind.MalformedQuote => $"{Stamp(t, r.Format)},{model},{k[0]},0,0,0,0,,\"q",
                _ => $"{Stamp(t, r.Format)},{model},{k[0]},{k[1]},{k[2]},{k[3]},{output},{(k[3] % 2 == 0 ? "" : (output + 100).ToString(CultureInfo.InvariantCulture))},ok",
            };
            text.Append(line).Append(r.CrLf ? "\r\n" : "\n");
        }

        return text.ToString();
    }

    public static class TraceArbitraries
    {
        public static Arbitrary<GeneratedTrace> Traces() => Arb.From(
            from rows in Gen.Sized(size => Gen.Choose(0, 4 * Math.Max(size, 1)).SelectMany(n => Gen.ListOf(Rows, n)))
            from chunks in Gen.Choose(1, 16)
            select new GeneratedTrace(Write([.. rows]), chunks));
    }

    private static string Outcome(TraceReadImplementation implementation, string path, TraceOptions options)
    {
        try
        {
            return implementation.Read(path, options).Describe();
        }
        catch (PlannerException e)
        {
            return "stopped: " + e.Message;
        }
    }

    [Property(Arbitrary = [typeof(TraceArbitraries)], MaxTest = 150)]
    public void ChunkedRead_EqualsSequentialRead_ToTheLastDigit(GeneratedTrace trace)
    {
        string path = TestData.TempPath("chunks-law");
        File.WriteAllText(path, trace.Text);
        TraceReadImplementation[] chunked = [.. TraceReadImplementation.All.Skip(1), TraceReadImplementation.Chunked(trace.Chunks)];
        foreach (var options in new[] { new TraceOptions { SkipInvalid = true }, new TraceOptions(), new TraceOptions { SkipInvalid = true, RequireRequests = true } })
        {
            string expected = Outcome(TraceReadImplementation.Sequential, path, options);
            foreach (var implementation in chunked)
            {
                Outcome(implementation, path, options).Should().Be(expected, $"{implementation} must read like the sequential reader (SkipInvalid {options.SkipInvalid})");
            }
        }
    }

    [Fact]
    public void Plan_LargeFile_IsCutIntoChunksOfAtMostMaxChunkBytesBeyondOnePerCore()
    {
        // 2,000 rows of 66 bytes after the header: chunks of at most 10,000 bytes (give or take the line a cut falls in) make
        // ceil(length / 10,000) of them, each starting on a line; without the limit, one per core.
        string path = TestData.Trace([Header, .. Enumerable.Range(0, 2_000).Select(i => $"2026-01-15T09:00:00Z,gpt-audio-mini,{i % 10},0,0,0,0,,r{i:00000000000000000}")]);
        using var file = File.OpenHandle(path);
        long length = RandomAccess.GetLength(file);
        var bytes = File.ReadAllBytes(path);

        var starts = TraceChunks.Plan(file, length, new TraceChunking { FromBytes = 0, Chunks = 2, MaxChunkBytes = 10_000 })!;
        var perCore = TraceChunks.Plan(file, length, new TraceChunking { FromBytes = 0, Chunks = 2, MaxChunkBytes = long.MaxValue })!;

        starts.Should().HaveCount((int)((length + 9_999) / 10_000)).And.BeInAscendingOrder();
        starts.Skip(1).Should().OnlyContain(s => bytes[s - 1] == (byte)'\n');
        starts.Append(length).Zip(starts.Append(length).Skip(1), (a, b) => b - a).Should().OnlyContain(size => size <= 10_000 + 66);
        perCore.Should().HaveCount(2);
    }

    [Fact]
    public void Generator_ReachesEveryKindOfRowAndChunkBoundary()
    {
        // The law above is only as good as its traces: they must contain out-of-order and bad rows and CR LF,
        // and be long enough for 7 chunks to start on distinct lines.
        var samples = Gen.Sample(TraceArbitraries.Traces().Generator, 50, 100);
        samples.Should().Contain(t => t.Text.Contains("\r\n", StringComparison.Ordinal));
        samples.Should().Contain(t => t.Text.Contains("gpt-9", StringComparison.Ordinal) && t.Text.Contains(",-", StringComparison.Ordinal));
        samples.Max(t => t.Text.Count(c => c == '\n')).Should().BeGreaterThan(100);
    }
}
