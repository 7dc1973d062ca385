using System.Globalization;
using Planner.Core.Projection;

namespace Planner.Contract.Queries;

/// <summary>The inputs of <c>migrate</c>: the workload (a request shape with requests_per_day, a call shape with
/// calls_per_day, or a trace, which the service takes opened), the model it runs on, the candidates and the horizon.</summary>
public sealed record MigrateQuery : CallVolumeQuery
{
    /// <summary>The model the workload runs on now. Required with a shape; with a trace, the default is the trace's one model.</summary>
    public string? FromModel { get; init; }

    /// <summary>Candidates to move to (comma-separated). The default value is the recommended replacement and the cheapest active model of each API.</summary>
    public string? ToModels { get; init; }

    /// <summary>With a request shape: mean requests a day. Must be >= 0.</summary>
    public decimal? RequestsPerDay { get; init; }

    /// <summary>Standard deviation of a day's requests. The default value is 0. Must be >= 0.</summary>
    public decimal RequestsPerDaySd { get; init; }

    /// <summary>Months to compare. The default value is 12. Must be 1 to 600.</summary>
    public int Months { get; init; } = ProjectionDefaults.Months;

    /// <summary>Monthly traffic growth in percent. The default value is 0. Must be > -100.</summary>
    public decimal Growth { get; init; } = ProjectionDefaults.GrowthPercent;

    /// <summary>Monte Carlo runs where the workload has a spread. The default value is 10,000. Must be 1 to 10,000,000.</summary>
    public int Runs { get; init; } = ProjectionDefaults.Runs;

    /// <summary>Random seed. The default value is 1.</summary>
    public int Seed { get; init; } = ProjectionDefaults.Seed;

    /// <summary>With a trace: skip bad rows (counted) instead of stopping at the first.</summary>
    public bool SkipInvalid { get; init; }

    /// <summary>The candidates of <see cref="ToModels"/>, trimmed, empty ones dropped.</summary>
    public IReadOnlyList<string> ToModelList =>
        ToModels is null ? [] : [.. ToModels.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    /// <summary>Every problem at once for a workload without a trace.</summary>
    public override IReadOnlyList<FieldError> Validate() => Validate(withTrace: false);

    /// <summary>Every problem at once: which workload the fields make beside a trace (<paramref name="withTrace"/>) or
    /// without one, the fields of the move, the call volume, the shapes and the horizon.</summary>
    public IReadOnlyList<FieldError> Validate(bool withTrace)
    {
        var errors = new List<FieldError>();
        int forms = (withTrace ? 1 : 0) + (CallsPerDay is not null ? 1 : 0) + (RequestsPerDay is not null ? 1 : 0);
        if (forms != 1)
        {
            errors.Add(new("requests_per_day", "give one workload: a trace, a call shape with calls_per_day, or a request shape with requests_per_day"));
        }

        errors.AddRange(MoveErrors(withTrace));
        if (StartError() is { } start)
        {
            errors.Add(start);
        }

        errors.AddRange(CallVolumeErrors(RequestsPerDay is not null, withTrace, compareGiven: false));
        errors.AddRange(RequestOrCallErrors(lengthRequired: MinutesMean is null));
        if (Months is < 1 or > 600)
        {
            errors.Add(new("months", $"months must be 1 to 600, got {Months}"));
        }

        if (Runs is < 1 or > 10_000_000)
        {
            errors.Add(new("runs", $"runs must be 1 to 10,000,000, got {Runs}"));
        }

        if (Growth <= -100m)
        {
            errors.Add(new("growth", $"growth must be > -100 (percent a month), got {Growth.ToString(CultureInfo.InvariantCulture)}"));
        }

        return errors;
    }

    /// <summary>The problems of the move's own fields: the current model, the request counts, the candidates.</summary>
    public List<FieldError> MoveErrors(bool withTrace)
    {
        var errors = new List<FieldError>();
        if (!withTrace && string.IsNullOrWhiteSpace(FromModel))
        {
            errors.Add(new("from_model", "from_model is required with a shape, e.g. gpt-audio-mini"));
        }

        if (RequestsPerDay is < 0m || RequestsPerDaySd < 0m)
        {
            errors.Add(new("requests_per_day", "requests_per_day and requests_per_day_sd must be >= 0"));
        }

        if (RequestsPerDay is not null && IsCall)
        {
            errors.Add(new("requests_per_day", "requests_per_day takes a request shape (audio_in_seconds, ...); a call shape takes calls_per_day"));
        }

        if (ToModels is not null && ToModelList.Count == 0)
        {
            errors.Add(new("to_models", $"to_models must name at least one model, got '{ToModels}'"));
        }

        return errors;
    }

    /// <summary>The projection options of a validated query.</summary>
    public ProjectionOptions ToOptions() =>
        new ProjectionOptions { Months = Months, Runs = Runs, Seed = Seed, GrowthPercent = Growth }.Validate();
}
