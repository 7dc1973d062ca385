using System.Text;
using Planner.Core.Ingest;

namespace Planner.Core.Tests.Ingest;

public class CostsPagesTests
{
    // 2026-01-15 and 2026-01-16, 00:00 UTC.
    private const long Day1 = 1768435200;
    private const long Day2 = 1768521600;

    /// <summary>A Costs API page (GET /v1/organization/costs, group_by=line_item) of one daily bucket, on one line.</summary>
    private static string Page(long day, string value, string item) =>
        $$"""{"object":"page","data":[{"object":"bucket","start_time":{{day}},"end_time":{{day + 86_400}},"results":[{"object":"organization.costs.result","amount":{"value":{{value}},"currency":"usd"},"line_item":"{{item}}","project_id":"proj_a"}]}],"has_more":true,"next_page":"page_B"}""";

    [Fact]
    public void JsonlOfPages_IsReadPageByPage_WithEachResultsDayLineAndExactAmount()
    {
        string path = UsageFiles.Write(Page(Day1, "0.0003", "gpt-audio-mini-2025-12-15, input") + "\n\n" + Page(Day2, "0.1", "gpt-audio-mini-2025-12-15, output audio") + "\n");

        var billed = CostsPages.Read(path);

        billed.Should().Equal(
            new BilledCost(1, new DateOnly(2026, 1, 15), "gpt-audio-mini-2025-12-15, input", "proj_a", 0.0003m),
            new BilledCost(3, new DateOnly(2026, 1, 16), "gpt-audio-mini-2025-12-15, output audio", "proj_a", 0.1m));
    }

    [Fact]
    public void AStreamOfPrettyPrintedPages_IsReadLikeTheFile()
    {
        string text = $$"""
            {
              "object": "page",
              "data": [
                {"object": "bucket", "start_time": {{Day1}}, "end_time": {{Day2}}, "results": [
                  {"object": "organization.costs.result", "amount": {"value": 0.01, "currency": "usd"}, "line_item": "a, input"}
                ]}
              ]
            }

            """ + Page(Day2, "0.02", "a, input");

        var billed = CostsPages.Read("costs.json", new MemoryStream(Encoding.UTF8.GetBytes(text)));

        billed.Select(b => (b.Line, b.Amount)).Should().Equal((5L, 0.01m), (9L, 0.02m));
    }

    [Fact]
    public void ATruncatedLastPage_IsAnErrorAtItsLine()
    {
        string path = UsageFiles.Write(Page(Day1, "0.01", "a, input") + "\n" + Page(Day2, "0.02", "a, input")[..80]);

        var read = () => CostsPages.Read(path);

        read.Should().Throw<PlannerException>().WithMessage($"{path}:2: json: not valid JSON (truncated or malformed) at byte *");
    }
}
