using System.Globalization;
using Planner.Core.Catalog;
using Planner.Core.Projection;
using Planner.Core.Traces;
using Planner.Core.Units;

namespace Planner.Contract.Queries;

/// <summary>The inputs of <c>project</c>: the workload (a request shape with requests_per_day, a call shape with
/// calls_per_day, or a trace, which is not a field: the service takes it opened), the horizon, the Monte Carlo settings,
/// the budget, the models compared and what happens at a shutdown.</summary>
public sealed record ProjectQuery : CallVolumeQuery
{
    /// <summary>Model id, alias or snapshot (with requests_per_day).</summary>
    public string? Model { get; init; }

    /// <summary>Project the same workload on each of these models (comma-separated), with the saving against the first.</summary>
    public string? CompareModels { get; init; }

    /// <summary>Mean requests a day. Must be 0 to 10^12.</summary>
    public decimal? RequestsPerDay { get; init; }

    /// <summary>Standard deviation of a day's requests. The default value is 0 (an exact projection). Must be 0 to 10^12.</summary>
    public decimal RequestsPerDaySd { get; init; }

    /// <summary>Months to project. The default value is 12. Must be 1 to 600.</summary>
    public int Months { get; init; } = ProjectionDefaults.Months;

    /// <summary>Monthly traffic growth in percent. The default value is 0. Must be > -100.</summary>
    public decimal Growth { get; init; } = ProjectionDefaults.GrowthPercent;

    /// <summary>Multiply all traffic by this (what-if). The default value is 1. Must be >= 0.</summary>
    public decimal Scale { get; init; } = ProjectionDefaults.Scale;

    /// <summary>Monte Carlo runs. The default value is 10,000. Must be 1 to 10,000,000.</summary>
    public int Runs { get; init; } = ProjectionDefaults.Runs;

    /// <summary>Random seed. The default value is 1.</summary>
    public int Seed { get; init; } = ProjectionDefaults.Seed;

    /// <summary>Monthly budget in USD: each month reports the probability of exceeding it. Must be >= 0.</summary>
    public decimal? Budget { get; init; }

    /// <summary>With a trace: resample (the default) or lognormal.</summary>
    public string? Fit { get; init; }

    /// <summary>With a trace: also its exact cost per project, api_key, user or model.</summary>
    public string? By { get; init; }

    /// <summary>With a trace: skip bad rows (counted) instead of stopping at the first.</summary>
    public bool SkipInvalid { get; init; }

    /// <summary>Where traffic moves when its model shuts down inside the horizon. The default value is OpenAI's recommended replacement.</summary>
    public string? MigrateTo { get; init; }

    /// <summary>Refuse (instead of moving traffic) when a model shuts down inside the horizon.</summary>
    public bool NoMigrate { get; init; }

    /// <summary>Every problem at once for a workload without a trace (a request shape or a call shape).</summary>
    public override IReadOnlyList<FieldError> Validate() => Validate(withTrace: false);

    /// <summary>Every problem at once: each field's value, then which workload the fields make beside a trace
    /// (<paramref name="withTrace"/>) or without one.</summary>
    public IReadOnlyList<FieldError> Validate(bool withTrace)
    {
        var errors = new List<FieldError>();
        var invariant = CultureInfo.InvariantCulture;
        foreach (var (name, value) in new[] { ("requests_per_day", RequestsPerDay), ("requests_per_day_sd", (decimal?)RequestsPerDaySd) })
        {
            if (value is < 0m)
            {
                errors.Add(new(name, $"{name} must be >= 0, got {value.Value.ToString(invariant)}"));
            }
            else if (value > Arrivals.MaxPerDay)
            {
                errors.Add(new(name, $"{name} must be at most 1,000,000,000,000, got {value.Value.ToString(invariant)}"));
            }
        }

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
            errors.Add(new("growth", $"growth must be > -100 (percent a month), got {Growth.ToString(invariant)}"));
        }

        if (Scale < 0m)
        {
            errors.Add(new("scale", $"scale must be >= 0, got {Scale.ToString(invariant)}"));
        }

        if (Budget is < 0m)
        {
            errors.Add(new("budget", $"budget must be >= 0, got {Budget.Value.ToString(invariant)}"));
        }

        if (Fit is not (null or "resample" or "lognormal"))
        {
            errors.Add(new("fit", $"fit must be 'resample' or 'lognormal', got '{Fit}'"));
        }

        if (By is { } by && PriceQuery.ParseGroupBy(by) is null)
        {
            errors.Add(new("by", $"by must be project, api_key, user or model, got '{by}'"));
        }

        if (CompareModels is not null && CompareModelList.Count == 0)
        {
            errors.Add(new("compare_models", $"compare_models must name at least one model, e.g. gpt-audio,gpt-audio-mini, got '{CompareModels}'"));
        }

        if (NoMigrate && MigrateTo is not null)
        {
            errors.Add(new("migrate_to", "give migrate_to or no_migrate, not both"));
        }

        if (StartError() is { } start)
        {
            errors.Add(start);
        }

        errors.AddRange(RequestOrCallErrors(lengthRequired: MinutesMean is null));
        errors.AddRange(WorkloadErrors(withTrace));
        return errors;
    }

    /// <summary>Which workload the fields make (a trace alone, or a model with requests_per_day or calls_per_day), then
    /// the call volume's problems.</summary>
    public List<FieldError> WorkloadErrors(bool withTrace)
    {
        var errors = FormErrors(withTrace);
        errors.AddRange(CallVolumeErrors(RequestsPerDay is not null, withTrace, CompareModels is not null));
        return errors;
    }

    /// <summary>Which workload the fields make: a trace alone, or a model with requests_per_day or calls_per_day.</summary>
    public List<FieldError> FormErrors(bool withTrace)
    {
        var errors = new List<FieldError>();
        if (By is not null && !withTrace)
        {
            errors.Add(new("by", "by groups a trace's costs; give it with trace"));
        }

        if (withTrace)
        {
            if (HasRequestShape || RequestsPerDay is not null)
            {
                errors.Add(new("requests_per_day", "give trace or a request shape with requests_per_day, not both"));
            }
        }
        else
        {
            if (string.IsNullOrWhiteSpace(Model) && string.IsNullOrWhiteSpace(CompareModels))
            {
                errors.Add(new("model", "model is required (or trace), e.g. gpt-audio-mini with requests_per_day 1000"));
            }

            if (RequestsPerDay is null && CallsPerDay is null)
            {
                errors.Add(new("requests_per_day", "requests_per_day is required without trace, e.g. 1000"));
            }

            if (Fit is not null || SkipInvalid)
            {
                errors.Add(new("fit", "fit and skip_invalid apply only with trace"));
            }
        }

        return errors;
    }

    /// <summary>How to read the trace: skip bad rows when asked, the audio-rate overrides, every row a request.</summary>
    public TraceOptions ToTraceOptions(ModelCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new TraceOptions { SkipInvalid = SkipInvalid, AudioTokenRates = RateOverrides(catalog), RequireRequests = true };
    }

    /// <summary>The catalog's audio-token rates with the overrides, or null when none is given.</summary>
    public AudioTokenRates? RateOverrides(ModelCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return AudioInRate is null && AudioOutRate is null ? null : Rates(catalog.AudioTokenRates);
    }

    /// <summary>The models of <see cref="CompareModels"/>, trimmed, empty ones dropped.</summary>
    public IReadOnlyList<string> CompareModelList =>
        CompareModels is null ? [] : [.. CompareModels.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    /// <summary>The projection options of a validated query.</summary>
    public ProjectionOptions ToOptions() => new ProjectionOptions
    {
        Months = Months,
        Runs = Runs,
        Seed = Seed,
        GrowthPercent = Growth,
        Scale = Scale,
        Budget = Budget is { } b ? Usd.FromDollars(b) : null,
    }.Validate();
}
