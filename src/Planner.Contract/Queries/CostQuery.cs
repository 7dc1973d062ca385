namespace Planner.Contract.Queries;

/// <summary>The inputs of <c>cost</c>: K requests of one shape on one model.</summary>
public sealed record CostQuery : RequestShapeQuery
{
    /// <summary>Model id, alias or snapshot, e.g. gpt-audio-mini. Required.</summary>
    public string Model { get; init; } = "";

    /// <summary>How many requests of this shape. The default value is 1. Must be 1 to 10^12.</summary>
    public long Requests { get; init; } = 1;

    /// <summary>Every problem at once: the model, the request count, the request shape, and a request of nothing.</summary>
    public override IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(Model))
        {
            errors.Add(new("model", "model is required, e.g. gpt-audio-mini"));
        }

        if (RequestsError("requests", Requests) is { } requests)
        {
            errors.Add(requests);
        }

        errors.AddRange(ShapeErrors());
        if (errors.Count == 0 && IsEmptyRequest)
        {
            errors.Add(EmptyRequestError);
        }

        return errors;
    }
}
