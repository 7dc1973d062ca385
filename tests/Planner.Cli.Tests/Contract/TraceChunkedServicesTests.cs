using System.Text;
using Planner.Contract.Json;
using Planner.Contract.Queries;
using Planner.Contract.Services;
using Planner.Core;
using Planner.Core.Ingest;
using Planner.Core.Traces;

namespace Planner.Cli.Tests.Contract;

/// <summary><c>project --trace</c> and <c>migrate --trace</c> read a large trace in chunks on every core: the JSON they
/// give is the sequential read's, byte for byte (the learner's sample, the groups' exact costs, the rejections).</summary>
public class TraceChunkedServicesTests
{
    private static readonly TraceChunking[] Chunkings =
    [
        new() { FromBytes = 0, Chunks = 2 },
        new() { FromBytes = 0, Chunks = 3, Parallelism = 2 },
        new() { FromBytes = 0, Chunks = 7, Parallelism = 1 },
    ];

    /// <summary>150,000 generated requests over two days (about 135,000 on gpt-audio-mini: more than the 100,000 its
    /// sample keeps, so the sample must choose), with a bad row near the middle for skip_invalid.</summary>
    private static readonly Lazy<string> Trace = new(() =>
    {
        string path = Path.Combine(Path.GetTempPath(), $"planner-chunked-services-{Environment.ProcessId}.csv");
        TraceGenerator.Write(path, new TraceGeneratorOptions { Rows = 150_000, Days = 2, Seed = 8 });
        var lines = File.ReadAllLines(path).ToList();
        lines.Insert(75_000, "2026-01-16T00:00:00Z,gpt-audio-mini,-5,0,0,0,0,,bad");
        File.WriteAllLines(path, lines);
        return path;
    });

    private static string Project(ProjectQuery query, TraceChunking chunking)
    {
        var catalog = ContractCatalog.Bundled;
        query.Validate(withTrace: true).Should().BeEmpty();
        using var source = UsageFormats.Open(Trace.Value, catalog, query.ToTraceOptions(catalog) with { Chunking = chunking }, new TraceRejections());
        return Encoding.UTF8.GetString(PlannerJson.ToUtf8(ProjectService.Run(query, catalog, source, CliRunner.Now), PlannerJson.Context.ProjectResult));
    }

    private static string Migrate(MigrateQuery query, TraceChunking chunking)
    {
        var catalog = ContractCatalog.Bundled;
        using var source = UsageFormats.Open(Trace.Value, catalog, MigrateService.ToTraceOptions(query, catalog) with { Chunking = chunking }, new TraceRejections());
        return Encoding.UTF8.GetString(PlannerJson.ToUtf8(MigrateService.Run(query, catalog, source, CliRunner.Now), PlannerJson.Context.MigrateResult));
    }

    [Fact]
    public void Project_LargeTraceInChunks_GivesTheSequentialReadsJson()
    {
        var query = new ProjectQuery { Months = 2, Runs = 500, By = "model", SkipInvalid = true, Seed = 3 };
        string sequential = Project(query, TraceChunking.Sequential);

        foreach (var chunking in Chunkings)
        {
            Project(query, chunking).Should().Be(sequential, $"{chunking.Chunks} chunks");
        }

        sequential.Should().Contain("150,000 requests").And.Contain("\"skipped_rows\"");
    }

    [Fact]
    public void Project_LargeTraceWithABadRow_StopsAtTheSameRowInChunks()
    {
        var query = new ProjectQuery { Months = 1, Runs = 100 };
        string message = Record.Exception(() => Project(query, TraceChunking.Sequential))!.Message;

        foreach (var chunking in Chunkings)
        {
            Record.Exception(() => Project(query, chunking)).Should().BeOfType<PlannerException>().Which.Message.Should().Be(message);
        }

        message.Should().Contain(":75001:");
    }

    [Fact]
    public void Migrate_LargeTraceInChunks_GivesTheSequentialReadsJson()
    {
        var query = new MigrateQuery { FromModel = "gpt-audio-mini", ToModels = "gpt-audio-1.5", Months = 2, Start = "2026-03-01", At = "2026-03-01", SkipInvalid = true, Seed = 5 };
        string sequential = Migrate(query, TraceChunking.Sequential);

        foreach (var chunking in Chunkings)
        {
            Migrate(query, chunking).Should().Be(sequential, $"{chunking.Chunks} chunks");
        }

        sequential.Should().Contain("gpt-audio-1.5");
    }
}
