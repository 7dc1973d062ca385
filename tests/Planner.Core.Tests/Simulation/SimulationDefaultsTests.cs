using Planner.Core.Simulation;

namespace Planner.Core.Tests.Simulation;

public class SimulationDefaultsTests
{
    [Fact]
    public void Defaults_AreOpenAisAdviceAndTheStatedAssumptions()
    {
        SimulationDefaults.BurstWindow.Should().Be(TimeSpan.FromSeconds(60));
        SimulationDefaults.InitialBackoff.Should().Be(TimeSpan.FromSeconds(1));
        SimulationDefaults.BackoffFactor.Should().Be(2);
        SimulationDefaults.MaxBackoff.Should().Be(TimeSpan.FromSeconds(60));
        SimulationDefaults.MaxAttempts.Should().Be(6);
        SimulationDefaults.Jitter.Should().Be(0.5);
        SimulationDefaults.TimeToFirstToken.Should().Be(TimeSpan.FromSeconds(0.5));
        SimulationDefaults.OutputTokensPerSecond.Should().Be(100);
        SimulationDefaults.MaxP99Delay.Should().Be(TimeSpan.FromSeconds(1));
        SimulationDefaults.MaxThrottleRate.Should().Be(0.01);
        SimulationDefaults.Seed.Should().Be(1);
        new SimulationOptions { Tier = "1" }.OnLimit.Should().Be(OnLimit.Queue);
    }

    [Fact]
    public void Problems_AreAllReportedAtOnce()
    {
        var options = new SimulationOptions
        {
            Tier = "1",
            BurstWindow = TimeSpan.Zero,
            Retry = new RetryPolicy { MaxAttempts = 0 },
            Latency = new LatencyModel { OutputTokensPerSecond = 0 },
        };

        options.Problems().Should().Equal(
            "the burst window must be > 0 s and at most 3600 s, got 0 s",
            "the attempts must be >= 1, got 0",
            "the output speed must be > 0 tokens/s, got 0");
    }
}
