using System.Globalization;
using Planner.Core.Units;

namespace Planner.Core.Calls;

/// <summary>The assumptions a call is priced under. Validated with <see cref="Problems"/>.</summary>
public sealed record CallOptions
{
    /// <summary>The share of each Response's cacheable prefix (the previous Response's input) billed at the cached rate.
    /// The default value is <see cref="CallDefaults.CacheHitShare"/>. Must be 0 to 1.</summary>
    public decimal CacheHitShare { get; init; } = CallDefaults.CacheHitShare;

    /// <summary>The share of the truncation limit kept when truncating. The default value is 1.0. Must be > 0 and at most 1.</summary>
    public decimal RetentionRatio { get; init; } = CallDefaults.RetentionRatio;

    /// <summary>What happens at the truncation limit. The default value is <see cref="TruncationMode.RetentionRatio"/>.</summary>
    public TruncationMode Truncation { get; init; } = TruncationMode.RetentionRatio;

    /// <summary>The most output one Response may produce (Realtime's <c>max_response_output_tokens</c>, Chat Completions'
    /// <c>max_tokens</c>): it is reserved against TPM and, on Realtime, sets the truncation limit (context window less it).
    /// The default value is null: the model's output cap (what the server reserves when none is set).</summary>
    public TokenCount? MaxOutputTokens { get; init; }

    /// <summary>Every problem with the options, naming fields.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (CacheHitShare is < 0m or > 1m)
        {
            problems.Add($"cache-hit share must be 0 to 1, got {N(CacheHitShare)}");
        }

        if (RetentionRatio is <= 0m or > 1m)
        {
            problems.Add($"retention ratio must be > 0 and at most 1, got {N(RetentionRatio)}");
        }

        if (MaxOutputTokens is { Value: < 1 } max)
        {
            problems.Add($"max output tokens must be >= 1, got {max.Value}");
        }

        return problems;
    }

    private static string N(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
