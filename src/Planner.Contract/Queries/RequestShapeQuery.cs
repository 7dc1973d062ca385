using System.Globalization;
using Planner.Contract.Results;
using Planner.Core.Catalog;
using Planner.Core.Pricing;
using Planner.Core.Units;

namespace Planner.Contract.Queries;

/// <summary>The request shape part of a query (cost, capacity, compare, project...): token counts per meter, audio as
/// tokens or seconds, audio-token rate overrides, and the date to price at. Queries that have a request shape derive
/// from it, so the fields, their checks and their messages exist once.</summary>
public record RequestShapeQuery : IQuery
{
    /// <summary>The most requests a query accepts: 10^12 requests of a full 128,000-token context still sum
    /// exactly in 64-bit token totals.</summary>
    public const long MaxRequests = 1_000_000_000_000;

    /// <summary>Text input tokens (not counting cached). Must be 0 to 10^9.</summary>
    public long TextIn { get; init; }

    /// <summary>Cached text input tokens. Must be 0 to 10^9.</summary>
    public long CachedIn { get; init; }

    /// <summary>Audio input tokens; give this or <see cref="AudioInSeconds"/>.</summary>
    public long? AudioIn { get; init; }

    /// <summary>Seconds of input audio, converted at the input audio-token rate (a fraction of a token rounds up).</summary>
    public decimal? AudioInSeconds { get; init; }

    /// <summary>Cached audio input tokens (not counted in <see cref="AudioIn"/>).</summary>
    public long CachedAudioIn { get; init; }

    /// <summary>Image input tokens.</summary>
    public long ImageIn { get; init; }

    /// <summary>Cached image input tokens (not counted in <see cref="ImageIn"/>).</summary>
    public long CachedImageIn { get; init; }

    /// <summary>Text output tokens.</summary>
    public long TextOut { get; init; }

    /// <summary>Audio output tokens; give this or <see cref="AudioOutSeconds"/>.</summary>
    public long? AudioOut { get; init; }

    /// <summary>Seconds of output audio, converted at the output audio-token rate.</summary>
    public decimal? AudioOutSeconds { get; init; }

    /// <summary>Overrides the catalog's input audio rate (tokens per second). The default value is the catalog's.</summary>
    public decimal? AudioInRate { get; init; }

    /// <summary>Overrides the catalog's output audio rate (tokens per second). The default value is the catalog's.</summary>
    public decimal? AudioOutRate { get; init; }

    /// <summary>Price at the prices in effect at this date or instant (UTC unless an offset is given). The default value is now.</summary>
    public string? At { get; init; }

    /// <summary>Every problem of the query at once; the request shape's alone here.</summary>
    public virtual IReadOnlyList<FieldError> Validate() => ShapeErrors();

    /// <summary>Every problem of the request shape fields, in field order.</summary>
    public IReadOnlyList<FieldError> ShapeErrors()
    {
        var errors = new List<FieldError>();
        foreach (var (name, value) in new[] { ("text_in", TextIn), ("cached_in", CachedIn), ("text_out", TextOut), ("audio_in", AudioIn ?? 0), ("audio_out", AudioOut ?? 0),
            ("cached_audio_in", CachedAudioIn), ("image_in", ImageIn), ("cached_image_in", CachedImageIn) })
        {
            if (value is < 0 or > TokenCount.MaxPerRequest)
            {
                errors.Add(new(name, $"{name} must be a token count from 0 to {TokenCount.MaxPerRequest.ToString("N0", CultureInfo.InvariantCulture)} (what one request can carry), got {value.ToString(CultureInfo.InvariantCulture)}"));
            }
        }

        if (AudioIn is not null && AudioInSeconds is not null)
        {
            errors.Add(new("audio_in", "give audio_in or audio_in_seconds, not both"));
        }

        if (AudioOut is not null && AudioOutSeconds is not null)
        {
            errors.Add(new("audio_out", "give audio_out or audio_out_seconds, not both"));
        }

        foreach (var (name, value) in new[] { ("audio_in_seconds", AudioInSeconds), ("audio_out_seconds", AudioOutSeconds) })
        {
            if (value is { } seconds && !AudioDuration.TryFromSeconds(seconds, out _, out var error))
            {
                errors.Add(new(name, $"{name} {error}, got {seconds.ToString(CultureInfo.InvariantCulture)}"));
            }
        }

        AddRateAndDateErrors(errors, AudioInRate, AudioOutRate, At);
        return errors;
    }

    /// <summary>Adds the problems of the audio-rate overrides and the date, the fields every pricing query has.</summary>
    public static void AddRateAndDateErrors(List<FieldError> errors, decimal? audioInRate, decimal? audioOutRate, string? at)
    {
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var (name, value) in new[] { ("audio_in_rate", audioInRate), ("audio_out_rate", audioOutRate) })
        {
            if (value is { } rate && !AudioTokenRate.TryFromTokensPerSecond(rate, out _, out var error))
            {
                errors.Add(new(name, $"{name} {error}, got {rate.ToString(CultureInfo.InvariantCulture)}"));
            }
        }

        if (at is not null && !QueryParse.TryInstant(at, out _))
        {
            errors.Add(new("at", $"at must be an ISO-8601 date or instant such as 2025-11-01 or 2025-11-01T12:00:00Z, got '{at}'"));
        }
    }

    /// <summary>The error of a request count outside 1 to <see cref="MaxRequests"/>, or null.</summary>
    public static FieldError? RequestsError(string field, long requests) =>
        requests is < 1 or > MaxRequests
            ? new FieldError(field, $"{field} must be between 1 and 1,000,000,000,000, got {requests.ToString(CultureInfo.InvariantCulture)}")
            : null;

    /// <summary>True when no token or audio field has a value above zero: a request of nothing, which the
    /// services refuse rather than price at $0.</summary>
    public bool IsEmptyRequest =>
        TextIn == 0 && CachedIn == 0 && (AudioIn ?? 0) == 0 && (AudioInSeconds ?? 0) == 0 && CachedAudioIn == 0 && ImageIn == 0 &&
        CachedImageIn == 0 && TextOut == 0 && (AudioOut ?? 0) == 0 && (AudioOutSeconds ?? 0) == 0;

    /// <summary>The error for <see cref="IsEmptyRequest"/>.</summary>
    public static FieldError EmptyRequestError { get; } = new("text_in",
        "the request has no tokens: give at least one of text_in, cached_in, audio_in, audio_in_seconds, text_out, audio_out, audio_out_seconds (or an image/cached-audio option)");

    /// <summary>The request shape the fields describe (call after <see cref="Validate"/> found nothing).</summary>
    public RequestShape ToShape() => new()
    {
        TextInput = new TokenCount(TextIn),
        CachedInput = new TokenCount(CachedIn),
        AudioInput = AudioInSeconds is { } inSeconds
            ? AudioAmount.FromDuration(AudioDuration.FromSeconds(inSeconds))
            : AudioAmount.FromTokens(new TokenCount(AudioIn ?? 0)),
        CachedAudioInput = new TokenCount(CachedAudioIn),
        ImageInput = new TokenCount(ImageIn),
        CachedImageInput = new TokenCount(CachedImageIn),
        TextOutput = new TokenCount(TextOut),
        AudioOutput = AudioOutSeconds is { } outSeconds
            ? AudioAmount.FromDuration(AudioDuration.FromSeconds(outSeconds))
            : AudioAmount.FromTokens(new TokenCount(AudioOut ?? 0)),
    };

    /// <summary>The model's audio-token rates with the query's overrides applied.</summary>
    public AudioTokenRates Rates(AudioTokenRates catalogRates) => ApplyRates(catalogRates, AudioInRate, AudioOutRate);

    /// <summary>The model's audio-token rates with overrides applied (marked as an assumption set by the user).</summary>
    public static AudioTokenRates ApplyRates(AudioTokenRates catalogRates, decimal? audioInRate, decimal? audioOutRate)
    {
        ArgumentNullException.ThrowIfNull(catalogRates);
        if (audioInRate is null && audioOutRate is null)
        {
            return catalogRates;
        }

        return catalogRates with
        {
            Input = audioInRate is { } i ? AudioTokenRate.FromTokensPerSecond(i) : catalogRates.Input,
            Output = audioOutRate is { } o ? AudioTokenRate.FromTokensPerSecond(o) : catalogRates.Output,
            Source = catalogRates.Source with { IsAssumption = true, Note = AssumptionList.OverriddenNote },
        };
    }

    /// <summary>The instant to price at: <see cref="At"/>, else <paramref name="now"/>.</summary>
    public DateTimeOffset Instant(DateTimeOffset now) => InstantOf(At, now);

    /// <summary>The instant of a date field, else <paramref name="now"/>.</summary>
    public static DateTimeOffset InstantOf(string? at, DateTimeOffset now) => at is not null && QueryParse.TryInstant(at, out var instant) ? instant : now;
}
