using FsCheck;
using FsCheck.Fluent;
using Planner.Core.Simulation;
using Planner.Core.Traces;

namespace Planner.Core.Tests.Simulation;

public class TraceSimulatorTests
{
    private const string Header = "timestamp,model,input_text_tokens,output_text_tokens,max_tokens";

    /// <summary><paramref name="count"/> identical rows at one instant.</summary>
    private static string Burst(int count, long input, long output, string maxTokens = "", string at = "2026-01-15T09:00:00Z")
    {
        var lines = new List<string> { Header };
        for (int i = 0; i < count; i++)
        {
            lines.Add($"{at},gpt-audio-mini,{input},{output},{maxTokens}");
        }

        return TestData.Trace([.. lines]);
    }

    /// <summary>How the tests' traces are fed to the simulator: one reader (the default: <see cref="TracePipeline"/>'s
    /// ring), or in chunks on every core (<see cref="TraceSimulatorChunkedFeedTests"/> runs every test here that way).</summary>
    protected virtual TraceChunking Feed => TraceChunking.Sequential;

    private SimulationResult Simulate(string path, SimulationOptions options, TraceOptions? traceOptions = null)
    {
        using var source = CsvTraceSource.Open(path, TestData.Catalog, (traceOptions ?? new TraceOptions()) with { Chunking = Feed }, new TraceRejections());
        return TraceSimulator.Run(source, TestData.Catalog, options);
    }

    [Fact]
    public void Queue_ThousandAtOnceOnTier1_LastWaitsSixtySeconds()
    {
        // Tier 1: 500 RPM, 30,000 TPM. Each request charges 5 + 5 = 10 tokens, so 1,000 of them charge 10,000
        // tokens, well inside the 30,000-token TPM bucket: RPM binds. 500 go at once; then one every
        // 60 / 500 = 0.12 s, so the last waits (1,000 - 500) / (500 / 60) = 60 s.
        var result = Simulate(Burst(1_000, input: 5, output: 5), new SimulationOptions { Tier = "1" });

        result.Completed.Should().Be(1_000);
        // (1,000 - 500) / (500 / 60) = (1,000 - 500) x 60 / 500 s, in exact integers.
        result.QueueDelay.Max.Should().Be(TimeSpan.FromSeconds((1_000 - 500) * 60 / 500));
        // The 500th request waits nothing: the median is zero.
        result.QueueDelay.Percentile(0.50).Should().Be(TimeSpan.Zero);
        // The 990th waits (990 - 500) x 0.12 = 58.8 s (reported at most 1/128 above).
        result.QueueDelay.Percentile(0.99).TotalSeconds.Should().BeInRange((990 - 500) * 0.12, (990 - 500) * 0.12 * (1 + (1 / 128.0)));
        result.Models.Single().PeakMinuteRequests.Should().Be(1_000 - 1);
    }

    [Fact]
    public void Queue_TpmBinds_WaitsForTokensToRefill()
    {
        // Each request charges 5,000 + 1,000 = 6,000 tokens; RPM is far off (10 of 500). The TPM bucket holds
        // 30,000: five go at once, then one every 6,000 / (30,000 / 60) = 12 s; the tenth waits 5 x 12 = 60 s.
        var result = Simulate(Burst(10, input: 5_000, output: 1_000), new SimulationOptions { Tier = "1" });

        result.Completed.Should().Be(10);
        result.QueueDelay.Max.Should().Be(TimeSpan.FromSeconds(5 * (6_000 / (30_000 / 60.0))));
    }

    [Fact]
    public void Queue_MaxTokensIsCharged_AndItsUnusedPartReported()
    {
        // Charge = 100 input + 2,000 max_tokens = 2,100, though only 50 tokens come out; 15 x 2,100 = 31,500 > 30,000:
        // the 15th waits for 1,500 tokens at 500 a second = 3 s.
        var result = Simulate(Burst(15, input: 100, output: 50, maxTokens: "2000"), new SimulationOptions { Tier = "1" });

        result.QueueDelay.Max.Should().Be(TimeSpan.FromSeconds(1_500 / 500.0));
        result.ReservedUnusedTokens.Should().Be(15 * (2_000 - 50));
        result.Models.Single().TokensCharged.Should().Be(15 * 2_100);
    }

    [Fact]
    public void BurstWindow_ShrinksWhatGoesAtOnce()
    {
        // A 6 s window: the RPM bucket holds 500 x 6 / 60 = 50 requests; 100 at once: the last waits 50 x 0.12 = 6 s.
        var result = Simulate(Burst(100, input: 5, output: 5), new SimulationOptions { Tier = "1", BurstWindow = TimeSpan.FromSeconds(6) });

        result.QueueDelay.Max.Should().Be(TimeSpan.FromSeconds(50 * 0.12));
    }

    [Fact]
    public void BurstWindowOfOneSecond_FractionalCapacity_CarriesOver()
    {
        // A 1 s window: the RPM bucket holds 500 / 60 = 8 1/3 requests. Ten at once: eight go, leaving 1/3; the ninth
        // waits for the other 2/3 at 500 / 60 a second = 0.08 s; the tenth for a whole request more, 0.12 s: 0.2 s.
        var result = Simulate(Burst(10, input: 5, output: 5), new SimulationOptions { Tier = "1", BurstWindow = TimeSpan.FromSeconds(1) });

        result.Completed.Should().Be(10);
        result.QueueDelay.Max.Should().Be(TimeSpan.FromSeconds(0.08 + 0.12));
        // Eight of ten waited nothing: p80 is zero, p90 is the ninth's wait (reported at most 1/128 above).
        result.QueueDelay.Percentile(0.80).Should().Be(TimeSpan.Zero);
        result.QueueDelay.Percentile(0.90).TotalSeconds.Should().BeInRange(0.08, 0.08 * (1 + (1 / 128.0)));
    }

    [Fact]
    public void ChargeOverTpmCapacity_IsRejectedWithTheReason_NeverQueued()
    {
        // 31,000 tokens > tier 1's 30,000-token bucket.
        string path = TestData.Trace(Header, "2026-01-15T09:00:00Z,gpt-audio-mini,30000,1000,", "2026-01-15T09:00:01Z,gpt-audio-mini,10,10,");

        var result = Simulate(path, new SimulationOptions { Tier = "1" });

        result.Completed.Should().Be(1);
        result.LimitRejections.First.Should().Equal(new TraceRejection(2, "charge_over_tpm_capacity",
            "TPM charge of 31,000 tokens exceeds gpt-audio-mini's TPM limit of 30,000 at Tier 1; it can never be admitted"));
        (result.Completed + result.Dropped + result.Rejected).Should().Be(result.RowsRead);
    }

    [Fact]
    public void Retry_OneOverTheLimitWithOneAttempt_IsDroppedAndNotBilled()
    {
        var result = Simulate(Burst(501, input: 5, output: 5), new SimulationOptions { Tier = "1", OnLimit = OnLimit.Retry, Retry = new RetryPolicy { MaxAttempts = 1 } });

        result.Completed.Should().Be(500);
        result.Dropped.Should().Be(1);
        result.ThrottledAttempts.Should().Be(1);
        result.Retries.Should().Be(0);
        // Billed: 500 x (5 x $0.60 + 5 x $2.40) / 1M.
        result.Costs.Totals.Total.Value.Should().Be(500 * ((5 * 0.60m) + (5 * 2.40m)) / 1_000_000);
    }

    [Fact]
    public void Retry_AfterBackoffTheBucketHasRefilled_SecondAttemptGoes()
    {
        // The 501st gets a 429 and waits 1 s x (1 - 0.5 x U) >= 0.5 s, in which 500 / 60 x 0.5 > 4 requests refill.
        var result = Simulate(Burst(501, input: 5, output: 5), new SimulationOptions { Tier = "1", OnLimit = OnLimit.Retry });

        result.Completed.Should().Be(501);
        result.Dropped.Should().Be(0);
        result.ThrottledAttempts.Should().Be(1);
        result.ThrottledRequests.Should().Be(1);
        result.Retries.Should().Be(1);
        result.QueueDelay.Max.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(0.5)).And.BeLessThanOrEqualTo(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void Retry_ThrottledAttemptsCountAgainstRpm()
    {
        // 600 at once with 6 attempts: 500 go, 100 get 429s. The RPM bucket refills 500 / 60 a second, and each
        // 429 takes one back, so fewer than 100 can finish within their retries than without that rule.
        var result = Simulate(Burst(600, input: 5, output: 5), new SimulationOptions { Tier = "1", OnLimit = OnLimit.Retry });

        (result.Completed + result.Dropped).Should().Be(600);
        result.ThrottledRequests.Should().Be(100);
        result.ThrottledAttempts.Should().Be(result.Retries + result.Dropped);
    }

    [Fact]
    public void Retry_ThrottledByTpm_StillTakesOneFromRpm()
    {
        // A 0.24 s window on tier 1: the RPM bucket holds 500 x 0.24 / 60 = 2 requests, the TPM bucket
        // 30,000 x 0.24 / 60 = 120 tokens. At one instant: A charges 110 + 10 = 120 (goes; RPM 2 -> 1, TPM 120 -> 0);
        // B charges 10 (TPM is empty: a 429, which still takes RPM 1 -> 0); C charges 0 tokens, so only RPM could
        // stop it, and it does. Without the rule C would go. One attempt each: B and C are dropped.
        string path = TestData.Trace(Header,
            "2026-01-15T09:00:00Z,gpt-audio-mini,110,10,",
            "2026-01-15T09:00:00Z,gpt-audio-mini,5,5,",
            "2026-01-15T09:00:00Z,gpt-audio-mini,0,0,");

        var result = Simulate(path, new SimulationOptions
        {
            Tier = "1",
            OnLimit = OnLimit.Retry,
            BurstWindow = TimeSpan.FromSeconds(0.24),
            Retry = new RetryPolicy { MaxAttempts = 1 },
        });

        result.Completed.Should().Be(1);
        result.Dropped.Should().Be(2);
        result.ThrottledAttempts.Should().Be(2);
        // Only A is billed: (110 x $0.60 + 10 x $2.40) / 1M.
        result.Costs.Totals.Total.Value.Should().Be(((110 * 0.60m) + (10 * 2.40m)) / 1_000_000);
    }

    [Fact]
    public void Retry_RefusedAttemptsAreADebtOnRpm()
    {
        // A 0.12 s window: RPM holds 1 request and refills one every 0.12 s. A goes at t0 (1 -> 0); B's 429 at t0
        // still takes 1 (0 -> -1); 0.12 s later the refill has only paid that debt (-1 -> 0), so C is refused too.
        // If refused attempts took nothing, C would go. One attempt each: only A completes.
        string path = TestData.Trace(Header,
            "2026-01-15T09:00:00Z,gpt-audio-mini,5,5,",
            "2026-01-15T09:00:00Z,gpt-audio-mini,5,5,",
            "2026-01-15T09:00:00.12Z,gpt-audio-mini,5,5,");

        var result = Simulate(path, new SimulationOptions
        {
            Tier = "1",
            OnLimit = OnLimit.Retry,
            BurstWindow = TimeSpan.FromSeconds(0.12),
            Retry = new RetryPolicy { MaxAttempts = 1 },
        });

        result.Completed.Should().Be(1);
        result.Dropped.Should().Be(2);
    }

    [Fact]
    public void Retry_BackoffIsTheSeededJitteredWait()
    {
        // A 0.12 s window: the RPM bucket holds 500 x 0.12 / 60 = 1 request. Two at once: the second gets a 429 and
        // waits 1 s x (1 - 0.5 x U), U the first draw of Random(seed); by then (>= 0.5 s > 0.12 s) the bucket is full again.
        const int Seed = 7;
        double u = new Random(Seed).NextDouble();
        long expected = (long)(TimeSpan.TicksPerSecond * (1 - (0.5 * u)));

        var result = Simulate(Burst(2, input: 5, output: 5), new SimulationOptions
        {
            Tier = "1",
            OnLimit = OnLimit.Retry,
            BurstWindow = TimeSpan.FromSeconds(0.12),
            Seed = Seed,
        });

        result.Completed.Should().Be(2);
        result.Retries.Should().Be(1);
        result.QueueDelay.Max.Ticks.Should().Be(expected);
    }

    [Fact]
    public void Retry_HugeBackoff_SaturatesInsteadOfOverflowing()
    {
        // Capacity 1 request (0.12 s window), no jitter, every wait B = 4e11 s (4e18 ticks). Five at one instant t0
        // (about 6.4e17 ticks): r1 goes; r2..r5 get 429s and come back at t0 + B, where r2 goes; r3..r5 at t0 + 2B
        // (about 8.6e18), where r3 goes; t0 + 3B is past the end of time, so r4 and r5 come back at the end: r4 goes,
        // r5 finds the bucket empty at that same instant for its remaining attempts 4, 5 and 6, and is dropped.
        var wait = TimeSpan.FromSeconds(4e11);
        var result = Simulate(Burst(5, input: 5, output: 5), new SimulationOptions
        {
            Tier = "1",
            OnLimit = OnLimit.Retry,
            BurstWindow = TimeSpan.FromSeconds(0.12),
            Retry = new RetryPolicy { InitialBackoff = wait, MaxBackoff = wait, Jitter = 0 },
        });

        result.Completed.Should().Be(4);
        result.Dropped.Should().Be(1);
        // r2: 1, r3: 2, r4: 3, r5: 6 throttled attempts.
        result.ThrottledAttempts.Should().Be(1 + 2 + 3 + 6);
        result.Retries.Should().Be(12 - 1);
    }

    [Fact]
    public void Retry_RequestAdmittedInTheNextHour_IsBilledInItsArrivalHour()
    {
        // Tier 1: 30,000 TPM, refilling 500 tokens a second. A (00:59:59, charge 29,000 + 1,000 = 30,000) empties the
        // bucket; B (00:59:59.5, charge 20,000) gets a 429 and comes back 50 s later (no jitter); C (01:00:00, charge
        // 200) finds the 500 tokens of one second's refill and goes at once, in the next hour; B goes at 01:00:49.5
        // (50.5 s x 500 - 200 = 25,050 tokens >= 20,000), after C, and is billed in the hour it arrived in.
        string path = TestData.Trace(Header,
            "2026-01-15T00:59:59Z,gpt-audio-mini,29000,1000,",
            "2026-01-15T00:59:59.5Z,gpt-audio-mini,19000,1000,",
            "2026-01-15T01:00:00Z,gpt-audio-mini,100,100,");
        var wait = TimeSpan.FromSeconds(50);
        var result = Simulate(path, new SimulationOptions
        {
            Tier = "1",
            OnLimit = OnLimit.Retry,
            Retry = new RetryPolicy { InitialBackoff = wait, MaxBackoff = wait, Jitter = 0, MaxAttempts = 2 },
        });

        result.Completed.Should().Be(3);
        result.ThrottledRequests.Should().Be(1);
        result.QueueDelay.Max.Should().Be(wait);
        var hours = result.Costs.ByHour;
        hours.Select(h => h.Requests).Should().Equal(2, 1);
        hours[0].Total.Value.Should().Be((((29_000 + 19_000) * 0.60m) + (2 * 1_000 * 2.40m)) / 1_000_000);
        hours[1].Total.Value.Should().Be(((100 * 0.60m) + (100 * 2.40m)) / 1_000_000);
    }

    [Fact]
    public void Latency_TinyOutputSpeed_NeverCompletesButNeverOverflows()
    {
        // At 1e-300 tokens a second no request finishes within time: all three are in flight at the end.
        string path = TestData.Trace(Header,
            "2026-01-15T09:00:00Z,gpt-audio-mini,10,100,",
            "2026-01-15T10:00:00Z,gpt-audio-mini,10,100,",
            "2026-01-15T11:00:00Z,gpt-audio-mini,10,100,");

        var result = Simulate(path, new SimulationOptions { Tier = "5", Latency = new LatencyModel { OutputTokensPerSecond = 1e-300 } });

        result.Completed.Should().Be(3);
        result.PeakConcurrency.Should().Be(3);
    }

    [Fact]
    public void Retry_SameSeed_SameResult_OtherSeedMayDiffer()
    {
        string path = Burst(2_000, input: 5, output: 5);
        var options = new SimulationOptions { Tier = "1", OnLimit = OnLimit.Retry, Seed = 42 };

        var a = Simulate(path, options);
        var b = Simulate(path, options);

        (a.Completed, a.Dropped, a.ThrottledAttempts, a.Retries, a.QueueDelay.Max, a.QueueDelay.Percentile(0.99))
            .Should().Be((b.Completed, b.Dropped, b.ThrottledAttempts, b.Retries, b.QueueDelay.Max, b.QueueDelay.Percentile(0.99)));
    }

    [Fact]
    public void Concurrency_FollowsTheLatencyModel()
    {
        // 100 output tokens at 100 tokens/s after 0.5 s: each takes 1.5 s. Two at 09:00:00 overlap; the third,
        // at 09:00:02, starts after both have finished.
        string path = TestData.Trace(Header,
            "2026-01-15T09:00:00Z,gpt-audio-mini,10,100,",
            "2026-01-15T09:00:00Z,gpt-audio-mini,10,100,",
            "2026-01-15T09:00:02Z,gpt-audio-mini,10,100,");

        var result = Simulate(path, new SimulationOptions { Tier = "5" });

        result.PeakConcurrency.Should().Be(2);
        result.PeakConcurrencyIsUpperBound.Should().BeFalse();
    }

    [Fact]
    public void LimitTooLargeForTheBucket_IsUnsupportedWithTheReason_NotAnOverflow()
    {
        // A 3,600 s window holds limit x 3.6e10 ticks' worth of units; above (2^63 - 1) / 2 / 3.6e10 = 128,102,389
        // a minute that would overflow. An edited catalog gives tier 5 a TPM of 1e12.
        var json = TestCatalogs.Json();
        var tier5 = TestCatalogs.Model(json, "gpt-audio-mini")["tiers"]![0]!["entries"]!.AsArray().Single(t => (string?)t!["tier"] == "5")!;
        tier5["tpm"] = 1_000_000_000_000;
        var catalog = TestCatalogs.Load(json);
        using var reader = TraceReader.Open(Burst(2, input: 5, output: 5), catalog, new TraceOptions(), new TraceRejections());

        var result = TraceSimulator.Run(reader, catalog, new SimulationOptions { Tier = "5", BurstWindow = TimeSpan.FromHours(1) });

        result.Unsupported.Should().Be("gpt-audio-mini's limits at the Tier 5 tier (10,000 RPM, 1,000,000,000,000 TPM) are too large to simulate with a 3600 s burst window: at most 128,102,389 a minute");
        result.Rejected.Should().Be(2);
    }

    [Theory]
    // One request on each of two models, 2 s apart, each taking 0.5 s + 100 / 100 s = 1.5 s: never both in flight.
    // Under retry every admission is in time order, so the total is exact (1); under queue it is the sum of the
    // models' own peaks, 1 + 1 = 2, and says it is an upper bound.
    [InlineData(OnLimit.Retry, 1, false)]
    [InlineData(OnLimit.Queue, 2, true)]
    public void Concurrency_AcrossModels_ExactUnderRetry_UpperBoundUnderQueue(OnLimit onLimit, long peak, bool upperBound)
    {
        string path = TestData.Trace(Header,
            "2026-01-15T09:00:00Z,gpt-audio-mini,10,100,",
            "2026-01-15T09:00:02Z,gpt-audio,10,100,");

        var result = Simulate(path, new SimulationOptions { Tier = "5", OnLimit = onLimit });

        result.PeakConcurrency.Should().Be(peak);
        result.PeakConcurrencyIsUpperBound.Should().Be(upperBound);
    }

    [Fact]
    public void FreeTier_IsNotSupported()
    {
        var result = Simulate(Burst(3, input: 5, output: 5), new SimulationOptions { Tier = "free" });

        result.Unsupported.Should().Be("gpt-audio-mini is not supported at the Free tier");
        result.Completed.Should().Be(0);
        result.Rejected.Should().Be(3);
    }

    [Fact]
    public void UnknownTier_NamesTheTiers()
    {
        var create = () => new TraceSimulator(TestData.Catalog, new SimulationOptions { Tier = "9" });

        create.Should().Throw<PlannerException>().WithMessage("unknown tier '9'; tiers: free, 1, 2, 3, 4, 5, build, launch, grow");
    }

    /// <summary>completed + dropped + rejected = rows read, in both modes, whatever the rows.</summary>
    [FsCheck.Xunit.Property(MaxTest = 40, Arbitrary = [typeof(Arbitraries)])]
    public void Outcomes_AccountForEveryRow(TimeGap[] gaps, MeterTokens[] sizes, bool retry, PositiveInt seed)
    {
        // Gaps from milliseconds to hours of virtual time; sizes up to 10^9 (most over tier 1's bucket or the caps).
        var lines = new List<string> { Header };
        var at = new DateTimeOffset(2026, 1, 15, 9, 0, 0, TimeSpan.Zero);
        for (int i = 0; i < gaps.Length; i++)
        {
            at = at.AddTicks(gaps[i].Ticks);
            long input = sizes.Length == 0 ? 10 : (sizes[i % sizes.Length].Value % 2 == 0 ? sizes[i % sizes.Length].Value : -sizes[i % sizes.Length].Value);
            // Some rows are bad (a negative count) and some too big for tier 1's TPM bucket.
            lines.Add($"{at:yyyy-MM-dd'T'HH:mm:ss.fff'Z'},gpt-audio-mini,{input},10,");
        }

        var options = new SimulationOptions { Tier = "1", OnLimit = retry ? OnLimit.Retry : OnLimit.Queue, Seed = seed.Get, Retry = new RetryPolicy { MaxAttempts = 2 } };
        var result = Simulate(TestData.Trace([.. lines]), options, new TraceOptions { SkipInvalid = true });

        (result.Completed + result.Dropped + result.Rejected).Should().Be(result.RowsRead);
        result.RowsRead.Should().Be(gaps.Length);
    }

    /// <summary>Every valid row has exactly one outcome, and the outcomes agree with the counts and the largest delay.</summary>
    [FsCheck.Xunit.Property(MaxTest = 30)]
    public void Outcomes_OnePerValidRow_AgreeWithTheCounts(PositiveInt[] gaps, NonNegativeInt[] sizes, bool retry)
    {
        var lines = new List<string> { Header };
        var at = new DateTimeOffset(2026, 1, 15, 9, 0, 0, TimeSpan.Zero);
        for (int i = 0; i < gaps.Length; i++)
        {
            at = at.AddMilliseconds(gaps[i].Get % 100);
            long input = sizes.Length == 0 ? 10 : sizes[i % sizes.Length].Get * 37 % 40_000;
            lines.Add($"{at:yyyy-MM-dd'T'HH:mm:ss.fff'Z'},gpt-audio-mini,{input},10,");
        }

        var outcomes = new List<RequestOutcome>();
        var options = new SimulationOptions { Tier = "1", OnLimit = retry ? OnLimit.Retry : OnLimit.Queue, Retry = new RetryPolicy { MaxAttempts = 2 } };
        using var reader = TraceReader.Open(TestData.Trace([.. lines]), TestData.Catalog, new TraceOptions(), new TraceRejections());
        var result = TraceSimulator.Run(reader, TestData.Catalog, options, onOutcome: outcomes.Add);

        outcomes.Select(o => o.Line).Order().Should().Equal(Enumerable.Range(2, gaps.Length).Select(l => (long)l));
        outcomes.Count(o => o.Kind == RequestOutcomeKind.Completed).Should().Be((int)result.Completed);
        outcomes.Count(o => o.Kind == RequestOutcomeKind.Dropped).Should().Be((int)result.Dropped);
        outcomes.Count(o => o.Kind == RequestOutcomeKind.Rejected).Should().Be((int)result.Rejected);
        outcomes.Select(o => o.QueueDelay).DefaultIfEmpty().Max().Should().Be(result.QueueDelay.Max);
    }

    /// <summary>In any window of admissions, no more is admitted than capacity + refill x elapsed, for RPM and TPM.</summary>
    [FsCheck.Xunit.Property(MaxTest = 40)]
    public void Admissions_InAnyWindow_StayWithinCapacityPlusRefill(PositiveInt[] gaps, NonNegativeInt[] sizes, bool retry)
    {
        var lines = new List<string> { Header };
        var at = new DateTimeOffset(2026, 1, 15, 9, 0, 0, TimeSpan.Zero);
        for (int i = 0; i < gaps.Length; i++)
        {
            at = at.AddMilliseconds(gaps[i].Get % 50);
            long input = sizes.Length == 0 ? 10 : (sizes[i % sizes.Length].Get % 5_000) + 1;
            lines.Add($"{at:yyyy-MM-dd'T'HH:mm:ss.fff'Z'},gpt-audio-mini,{input},10,");
        }

        var burst = TimeSpan.FromSeconds(6);
        var simulator = new TraceSimulator(TestData.Catalog, new SimulationOptions { Tier = "1", BurstWindow = burst, OnLimit = retry ? OnLimit.Retry : OnLimit.Queue });
        var admitted = new List<(long At, long Charge)>();
        simulator.OnAdmit = (_, now, charge) => admitted.Add((now, charge));
        using (var reader = TraceReader.Open(TestData.Trace([.. lines]), TestData.Catalog, new TraceOptions(), new TraceRejections()))
        {
            reader.ReadAll(simulator);
        }

        simulator.Finish(gaps.Length, new TraceRejections());
        const long Rpm = 500;
        const long Tpm = 30_000;
        for (int i = 0; i < admitted.Count; i++)
        {
            long requests = 0;
            long tokens = 0;
            for (int j = i; j < admitted.Count; j++)
            {
                requests++;
                tokens += admitted[j].Charge;
                long elapsed = admitted[j].At - admitted[i].At;
                ((Int128)requests * TimeSpan.TicksPerMinute).Should().BeLessThanOrEqualTo(((Int128)Rpm * burst.Ticks) + ((Int128)Rpm * elapsed));
                ((Int128)tokens * TimeSpan.TicksPerMinute).Should().BeLessThanOrEqualTo(((Int128)Tpm * burst.Ticks) + ((Int128)Tpm * elapsed));
            }
        }
    }


    [Fact]
    public void Retry_ThrottledAttemptsAreChargedToRpm_AndUtilisationCountsThem()
    {
        // 501 at once on Tier 1 (500 RPM), one attempt each: 500 admitted, 1 throttled; the limiter saw 501 attempts
        // in that minute, so the peak RPM utilisation is 501 / 500, not 500 / 500.
        var result = Simulate(Burst(501, input: 5, output: 5), new SimulationOptions { Tier = "1", OnLimit = OnLimit.Retry, Retry = new RetryPolicy { MaxAttempts = 1 } });

        var model = result.Models.Single();
        model.Admitted.Should().Be(500);
        model.Attempts.Should().Be(501);
        model.PeakMinuteAttempts.Should().Be(501);
        model.PeakMinuteRequests.Should().Be(500);
        model.PeakRpmUtilisation.Should().Be(501m / 500);

        // Only the completed are billed; the whole trace (for its 30-day projection) counts the dropped one too.
        result.Costs.Totals.Requests.Should().Be(500);
        result.OfferedCosts.Totals.Requests.Should().Be(501);
        result.OfferedCosts.Totals.Total.Value.Should().Be(501 * ((5 * 0.60m / 1_000_000) + (5 * 2.40m / 1_000_000)));
    }

    [Fact]
    public void Queue_BurstAcrossACalendarMinute_ReadsWholeInTheRollingMinute()
    {
        // 100 requests one every 0.5 s from 09:00:30: 60 fall in 09:00 and 40 in 09:01; the busiest calendar minute
        // holds 60, the busiest rolling 60 s all 100 (they span 49.5 s). Each charges 10 tokens.
        var lines = new List<string> { Header };
        var start = new DateTimeOffset(2026, 1, 15, 9, 0, 30, TimeSpan.Zero);
        for (int i = 0; i < 100; i++)
        {
            lines.Add($"{start.AddMilliseconds(500 * i):yyyy-MM-ddTHH:mm:ss.fffZ},gpt-audio-mini,5,5,");
        }

        var result = Simulate(TestData.Trace([.. lines]), new SimulationOptions { Tier = "1" });

        var model = result.Models.Single();
        model.PeakMinuteRequests.Should().Be(60);
        model.PeakRollingRequests.Should().Be(100);
        model.PeakRollingTokens.Should().Be(100 * 10);
    }

    [Fact]
    public void BurstWindow_UnderAMinute_StillAdmitsARequestUpToThePerMinuteLimit()
    {
        // Tier 1: 30,000 TPM. A 1 s window gives the bucket 30,000 x 1 / 60 = 500 tokens, yet OpenAI accepts one request
        // up to 30,000 (FACTS.md section 4). Two requests of 19,000 + 1,000 = 20,000 tokens at once: the first goes at once
        // and leaves the bucket 500 - 20,000 = -19,500 in debt; the second needs a full bucket again, 20,000 tokens of
        // refill at 30,000 / 60 = 500 a second later: 40 s.
        var result = Simulate(Burst(2, input: 19_000, output: 1_000), new SimulationOptions { Tier = "1", BurstWindow = TimeSpan.FromSeconds(1) });

        result.LimitRejections.Count.Should().Be(0);
        result.Completed.Should().Be(2);
        result.QueueDelay.Max.Should().Be(TimeSpan.FromSeconds(20_000 / (30_000 / 60)));
    }

    [Fact]
    public void BurstWindow_ARequestOverThePerMinuteLimit_IsNeverAdmissible()
    {
        var result = Simulate(Burst(1, input: 29_001, output: 1_000), new SimulationOptions { Tier = "1", BurstWindow = TimeSpan.FromSeconds(1) });

        result.Completed.Should().Be(0);
        result.LimitRejections.Count.Should().Be(1);
        result.LimitRejections.First.Single().Message.Should().Be("TPM charge of 30,001 tokens exceeds gpt-audio-mini's TPM limit of 30,000 at Tier 1; it can never be admitted");
    }
}
