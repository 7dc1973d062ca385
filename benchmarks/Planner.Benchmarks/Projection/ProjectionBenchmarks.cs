using BenchmarkDotNet.Attributes;
using MathNet.Numerics.Random;
using Planner.Core.Catalog;
using Planner.Core.Catalog.Json;
using Planner.Core.Pricing;
using Planner.Core.Projection;

namespace Planner.Benchmarks.Projection;

/// <summary>10,000 simulated months of a 1,000-requests-a-day Poisson workload whose requests vary
/// (resampled from 1,000 observed shapes): request by request (the baseline) against aggregate sampling.</summary>
[MemoryDiagnoser]
public class ProjectionBenchmarks
{
    private static readonly DateTimeOffset PricesAt = new(2026, 1, 15, 0, 0, 0, TimeSpan.Zero);
    private Workload _poissonThousandADay = null!;
    private Workload _exactThousandADay = null!;
    private readonly ProjectionTarget[] _asGiven = [ProjectionTarget.AsGiven];
    private readonly ProjectionOptions _tenThousandMonths = new() { Months = 1, Runs = 10_000 };

    [GlobalSetup]
    public void Setup()
    {
        var model = LoadCatalog().Resolve("gpt-audio-mini");
        var random = new Xoshiro256StarStar(7);
        var observed = new List<Usage>();
        for (int i = 0; i < 1_000; i++)
        {
            observed.Add(Usage.Of(textInput: random.Next(0, 500), audioInput: random.Next(50, 3_000), audioOutput: random.Next(50, 1_500)));
        }

        _poissonThousandADay = new Workload([new WorkloadStream(model, Arrivals.PoissonPerDay(1_000m), new EmpiricalUsage(observed, 2_000))], []);
        _exactThousandADay = Workload.FromShape(model, Usage.Of(audioInput: 1_200, audioOutput: 1_200), 1_000m);
    }

    [Benchmark(Baseline = true)]
    public ProjectionResult RequestByRequest() =>
        Projector.Project(_poissonThousandADay, _asGiven, _tenThousandMonths with { AggregateAbove = long.MaxValue }, PricesAt);

    [Benchmark]
    public ProjectionResult Aggregate() => Projector.Project(_poissonThousandADay, _asGiven, _tenThousandMonths, PricesAt);

    [Benchmark]
    public ProjectionResult ExactTwelveMonths() => Projector.Project(_exactThousandADay, _asGiven, new ProjectionOptions(), PricesAt);

    private static ModelCatalog LoadCatalog()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "data", CatalogJson.FileName);
            if (File.Exists(candidate))
            {
                return CatalogJson.Load(candidate);
            }
        }

        throw new FileNotFoundException("data/catalog.json not found above " + AppContext.BaseDirectory);
    }
}
