using Planner.Core.Traces;

namespace Planner.Contract.Queries;

/// <summary>The inputs of <c>price</c>: how to read the trace, an optional group-by, and the engine.</summary>
public sealed record PriceQuery : TraceQuery
{
    /// <summary>The streaming reader (the default).</summary>
    public const string StreamingEngine = "streaming";

    /// <summary>DuckDB in-process (CSV, Parquet, JSON, globs, every core; the CLI only).</summary>
    public const string DuckDbEngine = "duckdb";

    /// <summary>Also report the cost per project, api_key, user or model. The default value is none.</summary>
    public string? By { get; init; }

    /// <summary>streaming or duckdb. The default value is streaming.</summary>
    public string Engine { get; init; } = StreamingEngine;

    /// <summary>The group-by of <see cref="By"/>, or null when there is none (or it is not one of the four).</summary>
    public UsageGroupBy? GroupBy => ParseGroupBy(By);

    /// <summary>The group-by a field name stands for (project, api_key, user, model), or null.</summary>
    public static UsageGroupBy? ParseGroupBy(string? by) => by switch
    {
        "project" => UsageGroupBy.Project,
        "api_key" => UsageGroupBy.ApiKey,
        "user" => UsageGroupBy.User,
        "model" => UsageGroupBy.Model,
        _ => null,
    };

    /// <summary>Every problem at once: the engine, the group-by and the trace fields.</summary>
    public override IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        if (Engine is not (StreamingEngine or DuckDbEngine))
        {
            errors.Add(new("engine", $"engine must be {StreamingEngine} or {DuckDbEngine}, got '{Engine}'"));
        }
        else if (Engine == DuckDbEngine && (AudioInRate is not null || AudioOutRate is not null))
        {
            errors.Add(new("engine", $"audio_in_rate and audio_out_rate convert audio seconds, which engine {DuckDbEngine} does not read; use the streaming engine"));
        }

        if (By is { } by && GroupBy is null)
        {
            errors.Add(new("by", $"by must be project, api_key, user or model, got '{by}'"));
        }

        errors.AddRange(TraceErrors());
        return errors;
    }
}
