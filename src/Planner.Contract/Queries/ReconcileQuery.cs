using Planner.Core.Ingest;
using Planner.Core.Traces;

namespace Planner.Contract.Queries;

/// <summary>The inputs of <c>reconcile</c>: the tolerance and how the usage is read. The usage and the costs
/// export are not fields: the service takes the opened usage source and the billed costs read beside the query.</summary>
public sealed record ReconcileQuery : IQuery
{
    /// <summary>How far a line item or day may differ: USD ("0.01") or a percentage of the bill ("0.5%"). The default value is 0.01.</summary>
    public string? Tolerance { get; init; }

    /// <summary>Read the usage as this format instead of detecting it (one of <see cref="UsageFormats.All"/>).</summary>
    public string? UsageFormat { get; init; }

    /// <summary>What a Usage API input_tokens counts: text or all. The default is detected from the numbers, else all.</summary>
    public string? UsageInputTokens { get; init; }

    /// <summary>Count and list bad usage rows and go on, instead of stopping at the first. The default value is false.</summary>
    public bool SkipInvalid { get; init; }

    /// <summary>Every problem at once, by field name.</summary>
    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        if (Tolerance is { } t && !Planner.Core.Ingest.Tolerance.TryParse(t, out _, out string? error))
        {
            errors.Add(new("tolerance", $"tolerance {error}"));
        }

        if (UsageFormat is { } u && !UsageFormats.All.Any(x => x.Key == u))
        {
            errors.Add(new("usage_format", $"usage_format must be one of {UsageFormats.Keys}, got '{u}'"));
        }

        if (UsageInputTokens is { } d && d is not ("text" or "all"))
        {
            errors.Add(new("usage_input_tokens", $"usage_input_tokens must be text or all, got '{d}'"));
        }

        return errors;
    }

    /// <summary>The tolerance of a validated query (the default when none is given).</summary>
    public Tolerance ParsedTolerance() =>
        Tolerance is { } t && Planner.Core.Ingest.Tolerance.TryParse(t, out var tolerance, out _) ? tolerance : Planner.Core.Ingest.Tolerance.Default;

    /// <summary>The reader options of the usage. <paramref name="now"/> places rows without a time (their day is today's).</summary>
    public TraceOptions ToTraceOptions(DateTimeOffset now) => new()
    {
        SkipInvalid = SkipInvalid,
        Format = UsageFormat,
        InputTokens = UsageInputTokens switch { "text" => InputTokensDefinition.TextOnly, "all" => InputTokensDefinition.AllModalities, _ => null },
        UntimedOrigin = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero),
    };
}
