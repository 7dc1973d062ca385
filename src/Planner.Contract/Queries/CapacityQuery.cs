using System.Globalization;
using Planner.Core.Units;

namespace Planner.Contract.Queries;

/// <summary>The inputs of <c>capacity</c>: one request shape at one tier, or a call load (concurrent calls or calls a
/// minute, with a call shape) against every tier or one.</summary>
public sealed record CapacityQuery : RequestOrCallQuery
{
    /// <summary>Model id, alias or snapshot. Required.</summary>
    public string Model { get; init; } = "";

    /// <summary>Usage tier: free, 1 to 5; with a call load also "all" (the default there). Required for one request.</summary>
    public string Tier { get; init; } = "";

    /// <summary>The max_tokens each request sends (counted against TPM in place of the real output). The default
    /// value is the request's output. Must be 1 to 10^9; one request only.</summary>
    public long? MaxTokens { get; init; }

    /// <summary>Calls in progress at once (with a call shape). Must be 0 to 10^9.</summary>
    public decimal? ConcurrentCalls { get; init; }

    /// <summary>Calls starting each minute (with a call shape): in progress at once = N x call minutes. Must be 0 to 10^9.</summary>
    public decimal? CallsPerMinute { get; init; }

    /// <summary>True when a call load was given.</summary>
    public bool IsCallLoad => ConcurrentCalls is not null || CallsPerMinute is not null;

    /// <summary>Every problem at once: the model, the tier or call load, the request shape or call, a request of nothing.</summary>
    public override IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(Model))
        {
            errors.Add(new("model", "model is required, e.g. gpt-audio-mini"));
        }

        if (IsCall || IsCallLoad)
        {
            if (MaxTokens is not null)
            {
                errors.Add(new("max_tokens", "max_tokens applies to one request; for a call give max_output_tokens"));
            }
            else
            {
                errors.AddRange(CallLoadErrors());
            }
        }
        else if (string.IsNullOrWhiteSpace(Tier))
        {
            errors.Add(new("tier", "tier is required, e.g. 1"));
        }
        else if (MaxTokens is < 1 or > TokenCount.MaxPerRequest)
        {
            errors.Add(new("max_tokens", $"max_tokens must be from 1 to {TokenCount.MaxPerRequest.ToString("N0", CultureInfo.InvariantCulture)}, got {MaxTokens}"));
        }

        errors.AddRange(RequestOrCallErrors(lengthRequired: true));
        if (errors.Count == 0 && !IsCall && IsEmptyRequest)
        {
            errors.Add(EmptyRequestError);
        }

        return errors;
    }

    private List<FieldError> CallLoadErrors()
    {
        var errors = new List<FieldError>();
        if (ConcurrentCalls is not null && CallsPerMinute is not null)
        {
            errors.Add(new("concurrent_calls", "give concurrent_calls or calls_per_minute, not both"));
        }
        else if (!IsCallLoad)
        {
            errors.Add(new("concurrent_calls", "a call shape needs a load: concurrent_calls N or calls_per_minute N"));
        }

        foreach (var (name, value) in new[] { ("concurrent_calls", ConcurrentCalls), ("calls_per_minute", CallsPerMinute) })
        {
            if (value is { } v && v is < 0m or > 1_000_000_000m)
            {
                errors.Add(new(name, $"{name} must be 0 to 1,000,000,000, got {v.ToString(CultureInfo.InvariantCulture)}"));
            }
        }

        if (IsCallLoad && !IsCall)
        {
            errors.Add(new("concurrent_calls", "concurrent_calls and calls_per_minute need a call shape, e.g. minutes 4 user_audio_seconds 10 assistant_audio_seconds 20"));
        }

        return errors;
    }
}
