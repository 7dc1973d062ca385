using Planner.Core.Traces;

namespace Planner.Core.Projection;

/// <summary>What one read of a usage source learns for a projection: its workload (<see cref="WorkloadLearner"/>) and,
/// when asked, its exact costs and their groups. A large CSV or JSON-lines file is read in line-aligned chunks on every
/// core (<see cref="UsageSourceExtensions.ReadAllInChunks"/>), each chunk into its own learner and sums, merged in file
/// order into exactly what a sequential read gives.</summary>
public sealed class LearnedTrace : ITraceSink
{
    private LearnedTrace(IUsageSource source, WorkloadLearner learner, bool withCosts, UsageGroupBy? by)
    {
        Learner = learner;
        Costs = withCosts || by is not null ? new TraceCosts() : null;
        Groups = by is { } b ? new GroupedCosts(source, b, Costs!) : null;
    }

    /// <summary>The workload learned.</summary>
    public WorkloadLearner Learner { get; }

    /// <summary>The exact costs of the requests, or null when not asked for.</summary>
    public TraceCosts? Costs { get; }

    /// <summary>The costs by group, or null when no grouping was asked for.</summary>
    public GroupedCosts? Groups { get; }

    /// <summary>Reads every remaining request of <paramref name="source"/>, learning its workload with
    /// <paramref name="seed"/> and <paramref name="sampleSize"/> (<see cref="WorkloadLearner"/>), and pricing it when
    /// <paramref name="withCosts"/> or <paramref name="by"/> is given.</summary>
    /// <exception cref="PlannerException">The first bad row of the input (without SkipInvalid), or no valid row.</exception>
    public static LearnedTrace Read(IUsageSource source, int seed, bool withCosts, UsageGroupBy? by = null,
        int sampleSize = ProjectionDefaults.SampleSize, Action<IUsageSource>? onProgress = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        var whole = new LearnedTrace(source, new WorkloadLearner(sampleSize, seed), withCosts, by);
        // Read sequentially, the one sink is handed the source itself: it learns the whole input from its start, so it
        // holds no opening run aside. A chunk's sink learns a part, merged in file order.
        source.ReadAllInChunks(
            chunk => ReferenceEquals(chunk, source) ? whole : new LearnedTrace(chunk, WorkloadLearner.Part(sampleSize, seed), withCosts, by),
            (part, _) =>
            {
                if (!ReferenceEquals(part, whole))
                {
                    whole.Add(part);
                }
            },
            onProgress);
        return whole;
    }

    public void Add(in TraceRequest request)
    {
        Learner.Observe(request);
        if (Groups is not null)
        {
            Groups.Add(request);
        }
        else
        {
            Costs?.Add(request);
        }
    }

    private void Add(LearnedTrace part)
    {
        Learner.Merge(part.Learner);
        if (Costs is not null)
        {
            Costs.Add(part.Costs!);
        }

        if (Groups is not null)
        {
            Groups.AddGroups(part.Groups!);
        }
    }
}
