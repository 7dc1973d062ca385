using BenchmarkDotNet.Running;

if (args.Length > 0 && args[0] == "--quick-usage")
{
    var b = new Planner.Benchmarks.Ingest.UsageReadBenchmarks();
    b.Setup();
    for (int i = 0; i < 5; i++)
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        b.ResponseLog_ParsePrice();
        long log = sw.ElapsedMilliseconds;
        sw.Restart();
        b.RealtimeEvents_ParsePrice();
        System.Console.WriteLine($"log {log} ms, realtime {sw.ElapsedMilliseconds} ms, split {Time(b.Lines_SplitOnly)} ms, json tokens {Time(b.Json_TokensOnly)} ms");
    }

    return;
}

if (args.Length > 0 && args[0] == "--quick-sim")
{
    Planner.Benchmarks.Traces.SimulatorStageHarness.Run(args);
    return;
}

if (args.Length > 3 && args[0] == "--quick-heap")
{
    Planner.Benchmarks.Traces.HeapStageHarness.Run(args);
    return;
}

if (args.Length > 1 && args[0] == "--sim-feed")
{
    Planner.Benchmarks.Traces.SimulateFeedHarness.Run(args);
    return;
}

if (args.Length > 1 && args[0] == "--price-stages")
{
    Planner.Benchmarks.Traces.PriceStages.Run(args[1], args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3,
        args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : null);
    return;
}

if (args.Length > 1 && args[0] == "--profile-jsonl")
{
    Planner.Benchmarks.Ingest.ResponseLogProfile.Run(args[1], args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

static long Time(System.Func<long> f)
{
    var sw = System.Diagnostics.Stopwatch.StartNew();
    f();
    return sw.ElapsedMilliseconds;
}
