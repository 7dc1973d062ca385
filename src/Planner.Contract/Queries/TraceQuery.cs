using System.Globalization;
using Planner.Contract.Results;
using Planner.Core.Catalog;
using Planner.Core.Ingest;
using Planner.Core.Traces;
using Planner.Core.Units;

namespace Planner.Contract.Queries;

/// <summary>The part of a query every trace-reading command shares (price, simulate, recommend): how the usage file is
/// read. The file itself is not a field: a service takes the already-opened <see cref="IUsageSource"/>, opened with
/// <see cref="ToTraceOptions"/>.</summary>
public record TraceQuery : IQuery
{
    /// <summary>Count and list bad rows (the first 20) and go on, instead of stopping at the first. The default value is false.</summary>
    public bool SkipInvalid { get; init; }

    /// <summary>Price (and simulate) every row on this model instead of the row's own: a what-if.</summary>
    public string? ModelOverride { get; init; }

    /// <summary>Tokens per second of input audio for input_audio_seconds. The default value is the catalog's.</summary>
    public decimal? AudioInRate { get; init; }

    /// <summary>Tokens per second of output audio for output_audio_seconds. The default value is the catalog's.</summary>
    public decimal? AudioOutRate { get; init; }

    /// <summary>Read the file as this format instead of detecting it (one of <see cref="UsageFormats.All"/>).</summary>
    public string? Format { get; init; }

    /// <summary>What a Usage API input_tokens counts: text or all. The default is detected from the numbers, else all.</summary>
    public string? UsageInputTokens { get; init; }

    /// <summary>How a usage bucket's requests are placed in time for a simulation: even or poisson. The default value is even.</summary>
    public string? Spread { get; init; }

    /// <summary>The seed of spread poisson. The default value is 1.</summary>
    public int SpreadSeed { get; init; } = 1;

    /// <summary>Every problem of the query at once; the trace fields' alone here.</summary>
    public virtual IReadOnlyList<FieldError> Validate() => TraceErrors();

    /// <summary>Every problem of the trace-reading fields, in field order.</summary>
    public IReadOnlyList<FieldError> TraceErrors()
    {
        var errors = new List<FieldError>();
        if (Format is { } format && !UsageFormats.All.Any(f => f.Key == format))
        {
            errors.Add(new("format", $"format must be one of {UsageFormats.Keys}, got '{format}'"));
        }

        if (UsageInputTokens is { } definition && definition is not ("text" or "all"))
        {
            errors.Add(new("usage_input_tokens", $"usage_input_tokens must be text or all, got '{definition}'"));
        }

        if (Spread is { } spread && spread is not ("even" or "poisson"))
        {
            errors.Add(new("spread", $"spread must be even or poisson, got '{spread}'"));
        }

        foreach (var (name, value) in new[] { ("audio_in_rate", AudioInRate), ("audio_out_rate", AudioOutRate) })
        {
            if (value is { } rate && !AudioTokenRate.TryFromTokensPerSecond(rate, out _, out var error))
            {
                errors.Add(new(name, $"{name} {error}, got {rate.ToString(CultureInfo.InvariantCulture)}"));
            }
        }

        return errors;
    }

    /// <summary>The audio-token rates rows given in seconds are converted with: the catalog's, with the query's overrides.</summary>
    public AudioTokenRates Rates(ModelCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var baseRates = catalog.AudioTokenRates;
        if (AudioInRate is null && AudioOutRate is null)
        {
            return baseRates;
        }

        return baseRates with
        {
            Input = AudioInRate is { } i ? AudioTokenRate.FromTokensPerSecond(i) : baseRates.Input,
            Output = AudioOutRate is { } o ? AudioTokenRate.FromTokensPerSecond(o) : baseRates.Output,
            Source = baseRates.Source with { IsAssumption = true, Note = AssumptionList.OverriddenNote },
        };
    }

    /// <summary>The reader options of a validated query. <paramref name="now"/> places rows without a time (their day is today's).</summary>
    public TraceOptions ToTraceOptions(ModelCatalog catalog, bool forSimulation, DateTimeOffset? now) => new()
    {
        SkipInvalid = SkipInvalid,
        AudioTokenRates = AudioInRate is null && AudioOutRate is null ? null : Rates(catalog),
        ModelOverride = ModelOverride,
        RequireRequests = true,
        Format = Format,
        InputTokens = UsageInputTokens switch
        {
            "text" => InputTokensDefinition.TextOnly,
            "all" => InputTokensDefinition.AllModalities,
            _ => null,
        },
        ForSimulation = forSimulation,
        Spread = Spread == "poisson" ? BucketSpread.Poisson : BucketSpread.Even,
        SpreadSeed = SpreadSeed,
        UntimedOrigin = now is { } t ? new DateTimeOffset(t.UtcDateTime.Date, TimeSpan.Zero) : null,
    };
}
