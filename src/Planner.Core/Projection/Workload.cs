namespace Planner.Core.Projection;

/// <summary>The traffic to project: one or more streams, and how they were obtained.</summary>
/// <param name="Streams">The streams (at least one).</param>
/// <param name="Notes">Assumptions made in building the workload, e.g. how arrivals were learned.</param>
public sealed record Workload(IReadOnlyList<WorkloadStream> Streams, IReadOnlyList<string> Notes)
{
    /// <summary>What the user should know about how far the workload can be trusted (e.g. a trace too short to
    /// measure day-to-day variation). The default value is empty.</summary>
    public IReadOnlyList<PlannerWarning> Warnings { get; init; } = [];

    /// <summary>True when nothing is random: fixed counts of identical requests.</summary>
    public bool IsExact => Streams.All(s => s.Arrivals.IsExact && s.Usage.ExactUsage is not null);

    /// <summary>Requests of one shape to one model, <paramref name="perDay"/> a day with a daily standard
    /// deviation of <paramref name="sdPerDay"/> (0: exactly that many), spread evenly over the day.</summary>
    /// <exception cref="PlannerException">A negative rate or spread.</exception>
    public static Workload FromShape(Catalog.ResolvedModel model, Pricing.Usage usage, decimal perDay, decimal sdPerDay = 0m, Units.TokenCount? maxTokens = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var arrivals = Arrivals.SpreadPerDay(perDay, sdPerDay).Validate();
        return new Workload([new WorkloadStream(model, arrivals, new FixedUsage(usage, maxTokens))],
            ["requests spread evenly over the day (no trace to learn the hour-of-day profile from)"]);
    }
}
