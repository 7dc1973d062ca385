using Planner.Core.Ingest;
using Planner.Core.Pricing;
using Planner.Core.Traces;

namespace Planner.Core.Tests.Traces;

/// <summary>One way of reading a CSV trace: sequentially, or in chunks (1, 2, 3 or 7, or one per line so that every
/// line is a chunk boundary), each building a <see cref="TraceRequest"/> per row for a sink, or (<see cref="CostsOnly"/>,
/// <c>price</c>'s path) adding each row's cost straight to a <see cref="TraceCosts"/>. Every test of reading runs over all
/// of them (as Sep runs its parsers), so none can drift from the others.</summary>
/// <param name="CostsOnly">The sink is a <see cref="TraceCosts"/> itself: the reader builds no request
/// (<c>TraceReader.ReadInto</c>). Such a read has no rows to hand out; its <see cref="TraceRead.Rows"/> are those of the
/// same path read a row at a time, each row into sums of its own (exactly its instant, model, tokens and cost).</param>
public sealed record TraceReadImplementation(string Name, TraceChunking Chunking, bool CostsOnly = false)
{
    public static readonly TraceReadImplementation Sequential = new("sequential", TraceChunking.Sequential);

    private static readonly TraceChunking EveryLine = new() { FromBytes = 0, AtEveryLine = true };

    public static IReadOnlyList<TraceReadImplementation> All { get; } =
    [
        Sequential,
        Chunked(1),
        Chunked(2),
        Chunked(3),
        Chunked(7),
        new("a chunk per line", EveryLine),
        new("chunks of at most 300 bytes", new TraceChunking { FromBytes = 0, Chunks = 1, MaxChunkBytes = 300 }),
        new("sequential, costs only", TraceChunking.Sequential, CostsOnly: true),
        new("3 chunk(s), costs only", new TraceChunking { FromBytes = 0, Chunks = 3 }, CostsOnly: true),
        new("a chunk per line, costs only", EveryLine, CostsOnly: true),
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
        if (CostsOnly)
        {
            return ReadCostsOnly(path, options, catalog);
        }

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

    private TraceRead ReadCostsOnly(string path, TraceOptions? options, Planner.Core.Catalog.ModelCatalog? catalog)
    {
        catalog ??= TestData.Catalog;
        var rejections = new TraceRejections();
        var opened = (options ?? new TraceOptions()) with { Chunking = Chunking };
        using var source = UsageFormats.Open(path, catalog, opened, rejections);
        var costs = new TraceCosts();
        long read = source.ReadAllInChunks(_ => new TraceCosts(), (chunk, _) => costs.Add(chunk));
        read.Should().Be(source.RowsRead);

        // The rows, from the same path read a row at a time (ReadInto stops after the first valid row once the rows read
        // reach its limit), each into sums of its own: those sums are exactly that one row's instant, model, tokens and cost.
        var rows = new List<TraceRequest>();
        using (var reader = TraceReader.Open(path, catalog, opened with { Chunking = TraceChunking.Sequential }, new TraceRejections()))
        {
            var row = new TraceCosts();
            while (reader.ReadInto(row, reader.RowsRead + 1))
            {
                row.ByModel.Should().ContainSingle().Which.Totals.Requests.Should().Be(1);
                var (model, totals) = row.ByModel[0];
                var tokens = default(Planner.Core.Catalog.MeterValues<long>);
                var picodollars = default(Planner.Core.Catalog.MeterValues<long>);
                foreach (var meter in Planner.Core.Catalog.MeterTable.Meters)
                {
                    tokens[meter] = (long)totals.Tokens(meter);
                    picodollars[meter] = (long)(totals[meter].Value * 1_000_000_000_000m);
                }

                rows.Add(new TraceRequest(reader.LastValid.Line, row.First!.Value, catalog.Resolve(model), new Usage(tokens), null, new CostBreakdown(picodollars)));
                row = new TraceCosts();
            }
        }

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
