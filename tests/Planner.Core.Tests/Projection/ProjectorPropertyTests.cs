using FsCheck;
using FsCheck.Xunit;
using Planner.Core.Pricing;
using Planner.Core.Projection;

namespace Planner.Core.Tests.Projection;

public class ProjectorPropertyTests
{
    private static readonly Usage Shape = Usage.Of(textInput: 50, audioInput: 1_200, audioOutput: 600);

    [Property(MaxTest = 25)]
    public bool Project_AnySeedAndSpread_PercentilesAreOrdered(int seed, PositiveInt sd, NonNegativeInt growth)
    {
        var workload = Workload.FromShape(TestCatalog.Model("gpt-audio-mini"), Shape, 500m, sd.Get % 1_000);
        var options = new ProjectionOptions { Months = 3, Runs = 200, Seed = seed, GrowthPercent = growth.Get % 50 };

        return Projector.Project(workload, [ProjectionTarget.AsGiven], options, TestCatalog.PricesAt).Targets[0].Months
            .All(m => m.P10 <= m.P50 && m.P50 <= m.P90 && m.P90 <= m.P99);
    }

    [Property(MaxTest = 50)]
    public bool Project_NoSpread_MoreTrafficNeverCostsLess(NonNegativeInt perDay, PositiveInt extra)
    {
        var model = TestCatalog.Model("gpt-audio-mini");
        var options = new ProjectionOptions { Months = 2, GrowthPercent = 5m };
        decimal Cost(decimal requests) => Projector.Project(Workload.FromShape(model, Shape, requests), [ProjectionTarget.AsGiven], options, TestCatalog.PricesAt)
            .Targets[0].Months[1].Mean.Value;

        return Cost(perDay.Get) <= Cost(perDay.Get + (decimal)extra.Get);
    }
}
