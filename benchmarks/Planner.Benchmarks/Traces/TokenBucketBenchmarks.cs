using BenchmarkDotNet.Attributes;
using Planner.Core.Simulation;

namespace Planner.Benchmarks.Traces;

/// <summary>The simulator's inner step: refill, check and take from the RPM and TPM buckets; and a delay into the histogram.</summary>
[MemoryDiagnoser]
public class TokenBucketBenchmarks
{
    private TokenBucket _rpm = null!;
    private TokenBucket _tpm = null!;
    private DelayHistogram _delays = null!;
    private long _now;

    [GlobalSetup]
    public void Setup()
    {
        _rpm = new TokenBucket(10_000, TimeSpan.FromSeconds(60));
        _tpm = new TokenBucket(30_000_000, TimeSpan.FromSeconds(60));
        _delays = new DelayHistogram();
    }

    /// <summary>One admission under queue: advance both buckets 10 ms, wait if needed, take.</summary>
    [Benchmark(Baseline = true)]
    public long AdmitOne()
    {
        _now += TimeSpan.TicksPerMillisecond * 10;
        _rpm.Advance(_now);
        _tpm.Advance(_now);
        long wait = Math.Max(_rpm.TicksUntil(1), _tpm.TicksUntil(1_500));
        _now += wait;
        _rpm.Advance(_now);
        _tpm.Advance(_now);
        _rpm.Take(1);
        _tpm.Take(1_500);
        return wait;
    }

    /// <summary>One queue delay into the fixed-size histogram.</summary>
    [Benchmark]
    public void RecordDelay() => _delays.Add(_now++ & 0xFFFFFF);
}
