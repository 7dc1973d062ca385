using Planner.Core.Ingest;
using Planner.Core.Pricing;
using Planner.Core.Traces;

namespace Planner.Core.Tests.Traces;

/// <summary>One way of reading a CSV trace: sequentially, or in chunks (1, 2, 3 or 7, or one per line so that every
/// line is a chunk boundary). Every test of reading runs over all of them (as Sep runs its parsers), so none can
/// drift from the others.</summary>
public sealed record TraceReadImplementation(string Name, TraceChunking Chunking)
{
    public static readonly TraceReadImplementation Sequential = new("sequential", TraceChunking.Sequential);

    public static IReadOnlyList<TraceReadImplementation> All { get; } =
    [
        Sequential,
        Chunked(1),
        Chunked(2),
        Chunked(3),
        Chunked(7),
        new("a chunk per line", new TraceChunking { FromBytes = 0, AtEveryLine = true }),
    ];

    /// <summary>The names of <see cref="All"/>, for <c>[MemberData]</c>.</summary>
    public static TheoryData<string> Names => [.. All.Select(i => i.Name)];

    public static TraceReadImplementation Named(string name) => All.Single(i => i.Name == name);

    public static TraceReadImplementation Chunked(int chunks) => new($"{chunks} chunk(s)", new TraceChunking { FromBytes = 0, Chunks = chunks });

    public override string ToString() => Name;

    /// <summary>Reads and prices <paramref name="path"/> the way this implementation does, collecting every valid row
    /// (with its line in the file) and the exact sums.</summary>
    public TraceRead Read(string path, TraceOptions? options = null, Planner.Core.Catalog.ModelCatalog? catalog = null)
    {
        var rejections = new TraceRejections();
        var opened = (options ?? new TraceOptions()) with { Chunking = Chunking };
        using var source = UsageFormats.Open(path, catalog ?? TestData.Catalog, opened, rejections);
        var rows = new List<TraceRequest>();
        var costs = new TraceCosts();
        long read = source.ReadAllInChunks(
            _ => new Collector(),
            (chunk, lines) =>
            {
                rows.AddRange(chunk.Rows.Select(r => r with { Line = r.Line + lines }));
                costs.Add(chunk.Costs);
            });
        read.Should().Be(source.RowsRead);
        return new TraceRead(rows, costs, source.RowsRead, source.RowsPriced, rejections, source.ConvertedAudioSeconds);
    }

    private sealed class Collector : ITraceSink
    {
        public List<TraceRequest> Rows { get; } = [];

        public TraceCosts Costs { get; } = new();

        public void Add(in TraceRequest request)
        {
            Rows.Add(request);
            Costs.Add(request);
        }
    }
}

/// <summary>What one read of a trace gave.</summary>
public sealed record TraceRead(IReadOnlyList<TraceRequest> Rows, TraceCosts Costs, long RowsRead, long RowsPriced, TraceRejections Rejections, bool ConvertedAudioSeconds)
{
    /// <summary>Every figure of the read, one a line, exact (picodollars), for comparing two reads to the last digit.</summary>
    public string Describe()
    {
        var lines = new List<string>
        {
            $"rows read {RowsRead}, priced {RowsPriced}, rejected {Rejections.Count}, converted seconds {ConvertedAudioSeconds}",
            $"total {Costs.TotalPicodollarsOf()} pico, first {Costs.First:O}, last {Costs.Last:O}",
        };
        lines.AddRange(Costs.ByModel.Select(m => $"model {m.Model}: {m.Totals.Requests} requests, " +
            string.Join(" ", Planner.Core.Catalog.MeterTable.Meters.Select(meter => $"{meter}={m.Totals.Tokens(meter)}t/{m.Totals[meter].Value}"))));
        lines.AddRange(Costs.ByHour.Select(h => $"hour {h.Start:O}: {h.Requests} {h.Picodollars}"));
        lines.AddRange(Costs.ByDay.Select(d => $"day {d.Start:O}: {d.Requests} {d.Picodollars}"));
        lines.AddRange(Rejections.ByReason.Select(r => $"reason {r.Key}: {r.Value}"));
        lines.AddRange(Rejections.First.Select(r => $"rejected line {r.Line}: {r.Kind}: {r.Message}"));
        lines.AddRange(Rows.Select(r => $"row line {r.Line}: {r.Timestamp:O} {r.Model.BillingId} {r.Cost.TotalPicodollars}"));
        return string.Join("\n", lines);
    }
}

internal static class TraceCostsTestExtensions
{
    public static Int128 TotalPicodollarsOf(this TraceCosts costs) => costs.Totals.TotalPicodollars;
}
