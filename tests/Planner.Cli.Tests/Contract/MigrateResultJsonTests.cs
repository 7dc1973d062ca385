using System.Text;
using Planner.Contract;
using Planner.Contract.Json;
using Planner.Contract.Queries;
using Planner.Contract.Services;

namespace Planner.Cli.Tests.Contract;

public class MigrateResultJsonTests
{
    private static readonly DateTimeOffset March1 = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>1,000 requests a day of 1,200 audio tokens in and 1,200 out, from gpt-audio-mini to gpt-audio-1.5, two months from 2026-03-01.</summary>
    private static readonly MigrateQuery Query = new()
    {
        FromModel = "gpt-audio-mini", ToModels = "gpt-audio-1.5", RequestsPerDay = 1_000, AudioIn = 1_200, AudioOut = 1_200, Months = 2, Start = "2026-03-01", At = "2026-03-01",
    };

    [Fact]
    public void MigrateResult_Json_HasExactlyThePinnedFieldNames()
    {
        var result = MigrateService.Run(Query, ContractCatalog.Bundled, trace: null, March1);
        string json = Encoding.UTF8.GetString(PlannerJson.ToUtf8(result, PlannerJson.Context.MigrateResult));

        JsonPaths.Of(json).Where(p => !p.StartsWith("warnings[]", StringComparison.Ordinal)).Should().BeEquivalentTo(
            "source", "from", "start", "months", "exact", "move_before", "current_tier",
            "candidates", "candidates[].model", "candidates[].api", "candidates[].why", "candidates[].tier", "candidates[].months",
            "candidates[].months[].month", "candidates[].months[].before_usd", "candidates[].months[].after_usd", "candidates[].months[].change_usd",
            "candidates[].months[].change_percent", "candidates[].months[].current_shut_down",
            "candidates[].total_before_usd", "candidates[].total_after_usd", "candidates[].total_change_usd",
            "warnings", "assumptions", "assumptions[].name", "assumptions[].value", "assumptions[].why");
        json.Should().Contain("\"move_before\": \"2027-01-20\"").And.Contain("\"start\": \"2026-03-01\"");
    }

    [Fact]
    public void MigrateResult_MonthsAreThirtyDaysOfTheShape_OnEachModelsPrices()
    {
        var result = MigrateService.Run(Query, ContractCatalog.Bundled, trace: null, March1);

        // gpt-audio-mini: $10 / $20 per 1M audio tokens; gpt-audio-1.5: $32 / $64. A month is 30 days of 1,000 requests.
        decimal before = 30 * 1_000 * (1_200 * 10m / 1_000_000 + 1_200 * 20m / 1_000_000);
        decimal after = 30 * 1_000 * (1_200 * 32m / 1_000_000 + 1_200 * 64m / 1_000_000);
        var candidate = result.Candidates.Should().ContainSingle().Which;
        candidate.Model.Should().Be("gpt-audio-1.5");
        candidate.Months.Select(m => (m.BeforeUsd.Value, m.AfterUsd.Value, m.ChangeUsd.Value, m.ChangePercent))
            .Should().Equal((before, after, after - before, 220m), (before, after, after - before, 220m));
        candidate.TotalChangeUsd.Value.Should().Be(2 * (after - before));
        result.Exact.Should().BeTrue();
        result.Source.Should().Be("gpt-audio-mini, 1,000 requests/day");
    }

    [Fact]
    public void MigrateQuery_Validate_ReportsEveryProblemByFieldName()
    {
        new MigrateQuery { RequestsPerDay = -1, ToModels = ",", Months = 0 }.Validate().Should().Equal(
            new FieldError("from_model", "from_model is required with a shape, e.g. gpt-audio-mini"),
            new FieldError("requests_per_day", "requests_per_day and requests_per_day_sd must be >= 0"),
            new FieldError("to_models", "to_models must name at least one model, got ','"),
            new FieldError("months", "months must be 1 to 600, got 0"));
    }
}
