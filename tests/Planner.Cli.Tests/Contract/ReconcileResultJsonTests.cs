using System.Text;
using Planner.Contract.Json;
using Planner.Contract.Queries;
using Planner.Contract.Results;
using Planner.Contract.Services;
using Planner.Core.Ingest;
using Planner.Core.Traces;
using ReconcileResult = Planner.Contract.Results.ReconcileResult;

namespace Planner.Cli.Tests.Contract;

public class ReconcileResultJsonTests
{
    private static string Usage(string name) => Path.Combine(CliRunner.DataDirectory, "usage", name);

    private static ReconcileResult Run(ReconcileQuery query, string costsText)
    {
        var catalog = ContractCatalog.Bundled;
        using var costs = new MemoryStream(Encoding.UTF8.GetBytes(costsText));
        var billed = CostsPages.Read("costs.json", costs);
        using var usage = UsageFormats.Open(Usage("usage-page.json"), catalog, query.ToTraceOptions(DateTimeOffset.UnixEpoch), new TraceRejections());
        return ReconcileService.Run(query, catalog, usage, "costs.json", billed);
    }

    private static string Json(ReconcileResult result) => Encoding.UTF8.GetString(PlannerJson.ToUtf8(result, PlannerJson.Context.ReconcileResult));

    [Fact]
    public void ReconcileResult_Json_HasExactlyThePinnedFieldNames()
    {
        string json = Json(Run(new ReconcileQuery(), File.ReadAllText(Usage("costs-page.json"))));

        JsonPaths.Of(json).Should().BeEquivalentTo(
            "trace", "rows_read", "rows_priced", "rows_rejected", "rows_balance",
            "rejections", "rejections.by_reason", "rejections.first",
            "costs", "tolerance", "matches", "planner_usd", "billed_usd", "difference_usd",
            "days", "days[].day", "days[].planner_usd", "days[].billed_usd", "days[].difference_usd", "days[].exceeded",
            "line_items", "line_items[].day", "line_items[].model", "line_items[].meter", "line_items[].line_item",
            "line_items[].planner_usd", "line_items[].billed_usd", "line_items[].difference_usd", "line_items[].exceeded",
            "unparsed", "warnings", "assumptions", "assumptions[].name", "assumptions[].value", "assumptions[].why");
    }

    [Fact]
    public void ReconcileResult_BillOffByACent_IsExactAndMarked()
    {
        string costs = File.ReadAllText(Usage("costs-page.json")).Replace("\"value\": 0.042,", "\"value\": 0.052,", StringComparison.Ordinal);

        var result = Run(new ReconcileQuery { Tolerance = "0.005" }, costs);
        string json = Json(result);

        // 1,120 text at $0.60, 3,300 audio in at $10, 320 text out at $2.40, 2,100 audio out at $20 per 1M (data/usage/README.md).
        decimal planner = ((1_120 * 0.60m) + (3_300 * 10m) + (320 * 2.40m) + (2_100 * 20m)) / 1_000_000;
        result.PlannerUsd.Value.Should().Be(planner);
        result.BilledUsd.Value.Should().Be(0.000672m + 0.033m + 0.000768m + 0.052m);
        result.DifferenceUsd.Value.Should().Be(0.01m);
        result.Matches.Should().BeFalse();
        result.LineItems.Select(r => r.PlannerUsd.Value).Sum().Should().Be(planner, "the line items add up to the total");
        var audioOut = result.LineItems.Single(r => r.Meter == "audio_output");
        (audioOut.PlannerUsd.Value, audioOut.BilledUsd.Value, audioOut.Exceeded).Should().Be((2_100 * 20m / 1_000_000, 0.052m, true));
        json.Should().Contain("\"tolerance\": \"$0.005\",").And.Contain("\"difference_usd\": 0.01,").And.Contain("\"day\": \"2026-01-15\",");
    }

    [Fact]
    public void ReconcileQuery_Validate_ReportsEveryBadFieldByName()
    {
        var errors = new ReconcileQuery { Tolerance = "lots", UsageFormat = "xml", UsageInputTokens = "some" }.Validate();

        errors.Select(e => e.Field).Should().Equal("tolerance", "usage_format", "usage_input_tokens");
        errors[0].Message.Should().Be("tolerance must be USD (e.g. 0.01) or a percentage (e.g. 0.5%) >= 0, got 'lots'");
    }

    [Fact]
    public void Cli_ReconcileBadOptions_PrintsEveryOneAsAFlag()
    {
        var result = CliRunner.Run("reconcile", "--usage", Usage("usage-page.json"), "--costs", Usage("costs-page.json"), "--tolerance", "lots", "--usage-input-tokens", "some");

        result.ExitCode.Should().Be(2);
        result.Error.Should().Be("planner: --tolerance must be USD (e.g. 0.01) or a percentage (e.g. 0.5%) >= 0, got 'lots'; --usage-input-tokens must be text or all, got 'some'" + Environment.NewLine);
    }
}
