using System.Globalization;
using Planner.Core.Projection;
using Planner.Core.Units;

namespace Planner.Contract.Queries;

/// <summary>The inputs of <c>project</c> for a request shape or a trace: the traffic, the horizon, the Monte Carlo
/// settings, the budget, the models compared and what happens at a shutdown. (The trace itself is not a field; the call
/// shape form's fields are the call query's.)</summary>
public sealed record ProjectQuery : RequestShapeQuery
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

    /// <summary>The first day of month 1 (yyyy-MM-dd). The default value is today.</summary>
    public string? Start { get; init; }

    /// <summary>Every field's problem at once (which form the fields make, a trace or a shape, the shell checks).</summary>
    public override IReadOnlyList<FieldError> Validate()
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
            errors.Add(new("compare_models", $"compare_models must name at least one model, e.g. compare_models gpt-audio,gpt-audio-mini, got '{CompareModels}'"));
        }

        if (NoMigrate && MigrateTo is not null)
        {
            errors.Add(new("migrate_to", "give migrate_to or no_migrate, not both"));
        }

        if (Start is not null && !DateOnly.TryParseExact(Start, "yyyy-MM-dd", invariant, DateTimeStyles.None, out _))
        {
            errors.Add(new("start", $"start must be a date such as 2027-01-01, got '{Start}'"));
        }

        errors.AddRange(ShapeErrors());
        return errors;
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
