namespace Planner.Contract.Queries;

/// <summary>The inputs of <c>compare</c>: the same request on several models, the first the baseline.</summary>
public sealed record CompareQuery : RequestShapeQuery
{
    /// <summary>The models to compare, the first the baseline for ratios. The default value (empty) is every model
    /// active at <see cref="RequestShapeQuery.At"/>, in catalog order. Otherwise at least two.</summary>
    public IReadOnlyList<string> Models { get; init; } = [];

    /// <summary>How many requests of this shape. The default value is 1. Must be 1 to 10^12.</summary>
    public long Requests { get; init; } = 1;

    /// <summary>Every problem at once: the model list, the request count, the request shape, and a request of nothing.</summary>
    public override IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        if (Models.Count == 1)
        {
            errors.Add(new("models", "models needs at least two models, e.g. gpt-audio,gpt-audio-mini (or leave it out to compare every active model)"));
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
