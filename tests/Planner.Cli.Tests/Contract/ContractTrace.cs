using System.Text;
using Planner.Contract.Queries;
using Planner.Core.Traces;

namespace Planner.Cli.Tests.Contract;

/// <summary>A small trace in Planner's CSV format, written by hand, opened from a stream the way the web opens an upload.</summary>
internal static class ContractTrace
{
    public const string Name = "upload.csv";

    /// <summary>Three gpt-audio-mini requests on 2026-12-01 (two at 09:xx, one at 10:00 with cached input; the model is deprecated then) and
    /// one bad row (a negative token count) on line 5.</summary>
    public const string Csv =
        "timestamp,model,input_text_tokens,cached_input_tokens,input_audio_tokens,output_text_tokens,output_audio_tokens,max_tokens,request_id\n" +
        "2026-12-01T09:00:00Z,gpt-audio-mini,1000,0,100,200,300,1024,r1\n" +
        "2026-12-01T09:30:00Z,gpt-audio-mini,2000,0,0,0,500,1024,r2\n" +
        "2026-12-01T10:00:00Z,gpt-audio-mini,0,100,50,0,0,1024,r3\n" +
        "2026-12-01T10:30:00Z,gpt-audio-mini,-5,0,0,0,0,1024,r4\n";

    // gpt-audio-mini's prices (data/catalog.json, from 2025-10-06): text in $0.60, audio in $10, text out $2.40, audio out $20 per 1M.
    public static readonly decimal Row1 = 1000 * 0.60m / 1_000_000 + 100 * 10m / 1_000_000 + 200 * 2.40m / 1_000_000 + 300 * 20m / 1_000_000;
    public static readonly decimal Row2 = 2000 * 0.60m / 1_000_000 + 500 * 20m / 1_000_000;
    // gpt-audio-mini lists no cached text price: cached tokens bill at the text input rate (an assumption the result states).
    public static readonly decimal Row3 = 100 * 0.60m / 1_000_000 + 50 * 10m / 1_000_000;
    public static readonly decimal Total = Row1 + Row2 + Row3;

    /// <summary>The trace opened with the query's reader options.</summary>
    public static IUsageSource Open(TraceQuery query, bool forSimulation)
    {
        var catalog = ContractCatalog.Bundled;
        var stream = new MemoryStream(Encoding.UTF8.GetBytes(Csv));
        return CsvTraceSource.Wrap(TraceReader.Open(stream, Name, catalog, query.ToTraceOptions(catalog, forSimulation, CliRunner.Now), new TraceRejections()));
    }
}
