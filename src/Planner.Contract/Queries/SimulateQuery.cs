namespace Planner.Contract.Queries;

/// <summary>The inputs of <c>simulate</c>: a trace replayed against one tier's limits.</summary>
public sealed record SimulateQuery : SimulationQuery
{
    /// <summary>The usage tier: 1 ... 5. Required.</summary>
    public string Tier { get; init; } = "";

    /// <summary>Every problem at once: the tier, the simulation fields and the trace fields.</summary>
    public override IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(Tier))
        {
            errors.Add(new("tier", "tier is required, e.g. 1"));
        }

        errors.AddRange(base.Validate());
        return errors;
    }
}
