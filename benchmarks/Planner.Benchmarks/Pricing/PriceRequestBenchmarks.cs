using BenchmarkDotNet.Attributes;
using Planner.Core.Catalog;
using Planner.Core.Catalog.Json;
using Planner.Core.Pricing;

namespace Planner.Benchmarks.Pricing;

/// <summary>The hot path: pricing one request. Target on the 2-core dev machine: under 10 ns, no allocation.</summary>
[MemoryDiagnoser]
public class PriceRequestBenchmarks
{
    private PriceSheet _sheet;
    private ResolvedModel _model = null!;
    private Usage _voiceCall;
    private DateTimeOffset _at;

    [GlobalSetup]
    public void Setup()
    {
        var catalog = CatalogJson.Load(Path.Combine(AppContext.BaseDirectory, "data", "catalog.json"));
        _model = catalog.Resolve("gpt-audio-mini");
        _sheet = new PriceSheet(_model.Prices[^1]);
        // A two-minute voice call: 120 s in, 60 s out, a system prompt and a short transcript.
        _voiceCall = Usage.Of(textInput: 350, cachedInput: 1_024, audioInput: 1_200, textOutput: 80, audioOutput: 1_200);
        _at = new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);
    }

    /// <summary>One checked integer multiplication per meter into a picodollar breakdown.</summary>
    [Benchmark(Baseline = true)]
    public long PriceSheet_VoiceCall() => _sheet.Price(_voiceCall).TotalPicodollars;

    /// <summary>The same, checked against the model's caps first (what a trace row goes through).</summary>
    [Benchmark]
    public long CapsThenPrice_VoiceCall() =>
        RequestCaps.Check(_model.Model, _voiceCall) == RequestViolation.None ? _sheet.Price(_voiceCall).TotalPicodollars : -1;

    /// <summary>The same, with the total converted to an exact decimal USD amount.</summary>
    [Benchmark]
    public decimal PriceSheet_VoiceCall_ToUsd() => _sheet.Price(_voiceCall).Total.Value;

    /// <summary>The convenience API: caps, price lookup at a timestamp, and a Quote record (allocates the record).</summary>
    [Benchmark]
    public long Engine_Price_WithLookup() => PricingEngine.Price(_model, _voiceCall, _at).Cost.TotalPicodollars;
}
