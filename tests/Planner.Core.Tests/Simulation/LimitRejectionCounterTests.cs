using Planner.Core.Simulation;
using Planner.Core.Traces;

namespace Planner.Core.Tests.Simulation;

public class LimitRejectionCounterTests
{
    [Fact]
    public void Add_RunsOfReasons_SameCountsAndReasonOrderAsAddingRowByRow()
    {
        string[] kinds = ["b", "b", "a", "a", "a", "b", "c", "a"];
        var byRow = new TraceRejections();
        var counted = new TraceRejections();
        var counter = new LimitRejectionCounter();

        foreach (string kind in kinds)
        {
            byRow.Add(new TraceRejection(0, kind, ""));
            counter.Add(kind, counted);
        }

        counter.Flush(counted);

        counted.Count.Should().Be(8);
        counted.ByReason.Should().Equal(byRow.ByReason);
        counted.ByReason.Keys.Should().Equal("b", "a", "c");
        counted.ByReason["a"].Should().Be(4);
    }

    [Fact]
    public void Flush_Twice_CountsOnce()
    {
        var counted = new TraceRejections();
        var counter = new LimitRejectionCounter();
        counter.Add("a", counted);

        counter.Flush(counted);
        counter.Flush(counted);

        counted.Count.Should().Be(1);
    }
}
