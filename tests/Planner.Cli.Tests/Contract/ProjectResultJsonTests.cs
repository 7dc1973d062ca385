using System.Text;
using Planner.Contract.Csv;
using Planner.Contract.Json;
using Planner.Contract.Results;
using Planner.Contract.Services;
using Planner.Core;
using Planner.Core.Pricing;
using Planner.Core.Projection;
using Planner.Core.Units;

namespace Planner.Cli.Tests.Contract;

public class ProjectResultJsonTests
{
    // gpt-audio-mini: audio input $10 / 1M, audio output $20 / 1M; 1,200 tokens each way: $0.036 a request.
    private const decimal PerRequest = 1_200 * 10m / 1_000_000 + 1_200 * 20m / 1_000_000;

    private static ProjectResult Project(decimal sd, Usd? budget, params ProjectionTarget[] targets)
    {
        var mini = ContractCatalog.Bundled.Resolve("gpt-audio-mini");
        var workload = Workload.FromShape(mini, Usage.Of(audioInput: 1_200, audioOutput: 1_200), 1_000m, sd);
        var projection = Projector.Project(workload, targets.Length == 0 ? [ProjectionTarget.AsGiven] : targets,
            new ProjectionOptions { Months = 2, Runs = 200, GrowthPercent = 10m, Budget = budget }, new DateTimeOffset(2026, 1, 15, 0, 0, 0, TimeSpan.Zero));
        return ProjectService.FromProjection(projection, "gpt-audio-mini, 1,000 requests/day", callUnit: false, new AssumptionList(),
            [new PlannerWarning("model_deprecated", "gpt-audio-mini is deprecated")], []);
    }

    private static string Json(ProjectResult result) => Encoding.UTF8.GetString(PlannerJson.ToUtf8(result, PlannerJson.Context.ProjectResult));

    private static readonly string[] Distribution = ["mean_usd", "p10_usd", "p50_usd", "p90_usd", "p99_usd"];

    private static IEnumerable<string> MonthPaths(string prefix) =>
    [
        prefix, .. new List<string>
        {
            "month", "traffic_factor", "expected_requests", "mean_usd", "p10_usd", "p50_usd", "p90_usd", "p99_usd", "standard_error_usd",
            "organization_tier", "organization_tier.tier", "organization_tier.tier_name", "organization_tier.monthly_usage_limit_usd",
            "organization_tier.headline", "organization_tier.spend_usd",
            "tiers", "tiers[].model", "tiers[].tier", "tiers[].tier_name", "tiers[].monthly_usage_limit_usd", "tiers[].peak_rpm", "tiers[].peak_tpm", "tiers[].spend_usd",
        }.Select(p => prefix + "[]." + p),
    ];

    private static IEnumerable<string> TotalPaths(string prefix) => [prefix, prefix + ".months", .. Distribution.Select(d => prefix + "." + d)];

    [Fact]
    public void ProjectResult_ExactWithBudget_HasExactlyThePinnedFieldNames()
    {
        string json = Json(Project(0m, Usd.FromDollars(1_100m)));

        string[] expected =
        [
            "source", "unit", "exact", "growth_percent", "scale", "budget_usd",
            .. TotalPaths("total"), .. MonthPaths("months"), "months[].p_exceed_budget",
            "warnings", "warnings[].key", "warnings[].message", "assumptions", "assumptions[].name", "assumptions[].value", "assumptions[].why",
        ];
        JsonPaths.Of(json).Should().BeEquivalentTo(expected);
    }

    [Fact]
    public void ProjectResult_Comparison_HasEveryModelAndTheSavingAgainstTheFirst()
    {
        var mini = ContractCatalog.Bundled.Resolve("gpt-audio-mini");
        string json = Json(Project(100m, null, ProjectionTarget.On(mini), new ProjectionTarget("twin", mini)));

        string[] expected =
        [
            "source", "unit", "exact", "runs", "seed", "growth_percent", "scale",
            .. TotalPaths("total"), .. MonthPaths("months"),
            "comparison", "comparison[].model", .. TotalPaths("comparison[].total"), .. MonthPaths("comparison[].months"),
            "comparison[].saving_against", "comparison[].saving", "comparison[].saving[].month", "comparison[].saving[].mean_usd",
            "comparison[].saving[].p10_usd", "comparison[].saving[].p50_usd", "comparison[].saving[].p90_usd",
            "warnings", "warnings[].key", "warnings[].message", "assumptions", "assumptions[].name", "assumptions[].value", "assumptions[].why",
        ];
        JsonPaths.Of(json).Should().BeEquivalentTo(expected);
    }

    [Fact]
    public void ProjectResult_Exact_MonthsAreWorkedByHand()
    {
        var result = Project(0m, Usd.FromDollars(1_100m));

        // A month is 30 days of 1,000 requests; month 2 has 10% more traffic.
        decimal month1 = 30 * 1_000 * PerRequest;
        decimal month2 = 30 * 1_100 * PerRequest;
        result.Months.Select(m => m.MeanUsd.Value).Should().Equal(month1, month2);
        result.Months.Select(m => m.P90Usd.Value).Should().Equal(month1, month2);
        result.Total.MeanUsd.Value.Should().Be(month1 + month2);
        result.Months.Select(m => m.PExceedBudget).Should().Equal(0.0, 1.0);
        Json(result).Should().Contain("\"mean_usd\": 1080,").And.Contain("\"mean_usd\": 1188,").And.Contain("\"mean_usd\": 2268,");
    }

    [Fact]
    public void ProjectionCsv_FromTheRecord_HasOneRowPerMonthWithThePlainFigures()
    {
        string[] lines = ProjectionCsv.ToCsv(Project(0m, Usd.FromDollars(1_100m))).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        lines[0].Should().Be(ProjectionCsv.Header);
        lines.Should().HaveCount(3);
        lines[1].Should().StartWith("gpt-audio-mini,1,30000,1080,1080,1080,1080,1080,0,0,");
        lines[2].Should().StartWith("gpt-audio-mini,2,33000,1188,1188,1188,1188,1188,0,1,");
    }
}
