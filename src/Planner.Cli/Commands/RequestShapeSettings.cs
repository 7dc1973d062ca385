using System.ComponentModel;
using System.Globalization;
using Planner.Core.Catalog;
using Planner.Core.Pricing;
using Planner.Core.Units;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Planner.Cli.Commands;

/// <summary>The request shape options of cost, capacity and compare: token counts, audio as tokens
/// or seconds, audio-token rate overrides, and the date to price at.</summary>
public class RequestShapeSettings : CatalogSettings
{
    /// <summary>The most requests --requests accepts: 10^12 requests of a full 128,000-token context
    /// still sum exactly in 64-bit token totals.</summary>
    public const long MaxRequests = 1_000_000_000_000;

    /// <summary>Checks a --requests value: 1 to <see cref="MaxRequests"/>.</summary>
    protected static ValidationResult ValidateRequests(long requests) =>
        requests is < 1 or > MaxRequests
            ? ValidationResult.Error($"--requests must be between 1 and 1,000,000,000,000, got {requests}")
            : ValidationResult.Success();

    [CommandOption("--text-in <N>")]
    [Description("Text input tokens (not counting cached). Must be >= 0.")]
    public long TextIn { get; init; }

    [CommandOption("--cached-in <N>")]
    [Description("Cached text input tokens. Must be >= 0.")]
    public long CachedIn { get; init; }

    [CommandOption("--audio-in <N>")]
    [Description("Audio input tokens. Must be >= 0. Give this or --audio-in-seconds.")]
    public long? AudioIn { get; init; }

    [CommandOption("--audio-in-seconds <S>")]
    [Description("Seconds of input audio, converted at the input audio-token rate (a fraction of a token rounds up).")]
    public decimal? AudioInSeconds { get; init; }

    [CommandOption("--cached-audio-in <N>")]
    [Description("Cached audio input tokens (not counted in --audio-in). Must be >= 0.")]
    public long CachedAudioIn { get; init; }

    [CommandOption("--image-in <N>")]
    [Description("Image input tokens. Must be >= 0.")]
    public long ImageIn { get; init; }

    [CommandOption("--cached-image-in <N>")]
    [Description("Cached image input tokens (not counted in --image-in). Must be >= 0.")]
    public long CachedImageIn { get; init; }

    [CommandOption("--text-out <N>")]
    [Description("Text output tokens. Must be >= 0.")]
    public long TextOut { get; init; }

    [CommandOption("--audio-out <N>")]
    [Description("Audio output tokens. Must be >= 0. Give this or --audio-out-seconds.")]
    public long? AudioOut { get; init; }

    [CommandOption("--audio-out-seconds <S>")]
    [Description("Seconds of output audio, converted at the output audio-token rate.")]
    public decimal? AudioOutSeconds { get; init; }

    [CommandOption("--audio-in-rate <TOKENS_PER_SECOND>")]
    [Description("Override the assumed input audio rate. The default value is the catalog's (10 tokens/s).")]
    public decimal? AudioInRate { get; init; }

    [CommandOption("--audio-out-rate <TOKENS_PER_SECOND>")]
    [Description("Override the assumed output audio rate. The default value is the catalog's (20 tokens/s).")]
    public decimal? AudioOutRate { get; init; }

    [CommandOption("--at <ISO-DATE>")]
    [Description("Price with the prices in effect at this date or instant (UTC unless an offset is given). The default value is now.")]
    public string? At { get; init; }

    public override ValidationResult Validate()
    {
        foreach (var (name, value) in new[] { ("--text-in", TextIn), ("--cached-in", CachedIn), ("--text-out", TextOut), ("--audio-in", AudioIn ?? 0), ("--audio-out", AudioOut ?? 0),
            ("--cached-audio-in", CachedAudioIn), ("--image-in", ImageIn), ("--cached-image-in", CachedImageIn) })
        {
            if (value is < 0 or > TokenCount.MaxPerRequest)
            {
                return ValidationResult.Error($"{name} must be a token count from 0 to {TokenCount.MaxPerRequest:N0} (what one request can carry), got {value.ToString(CultureInfo.InvariantCulture)}");
            }
        }

        if (AudioIn is not null && AudioInSeconds is not null)
        {
            return ValidationResult.Error("give --audio-in or --audio-in-seconds, not both");
        }

        if (AudioOut is not null && AudioOutSeconds is not null)
        {
            return ValidationResult.Error("give --audio-out or --audio-out-seconds, not both");
        }

        foreach (var (name, value) in new[] { ("--audio-in-seconds", AudioInSeconds), ("--audio-out-seconds", AudioOutSeconds) })
        {
            if (value is { } seconds && !AudioDuration.TryFromSeconds(seconds, out _, out var error))
            {
                return ValidationResult.Error($"{name} {error}, got {seconds.ToString(CultureInfo.InvariantCulture)}");
            }
        }

        foreach (var (name, value) in new[] { ("--audio-in-rate", AudioInRate), ("--audio-out-rate", AudioOutRate) })
        {
            if (value is { } rate && !AudioTokenRate.TryFromTokensPerSecond(rate, out _, out var error))
            {
                return ValidationResult.Error($"{name} {error}, got {rate.ToString(CultureInfo.InvariantCulture)}");
            }
        }

        if (At is not null && !CliParse.TryInstant(At, out _))
        {
            return ValidationResult.Error($"--at must be an ISO-8601 date or instant such as 2025-11-01 or 2025-11-01T12:00:00Z, got '{At}'");
        }

        return ValidationResult.Success();
    }

    /// <summary>True when no token or audio option is given a value above zero: a request of nothing,
    /// which cost, capacity and compare refuse rather than print a $0 table.</summary>
    public bool IsEmptyRequest =>
        TextIn == 0 && CachedIn == 0 && (AudioIn ?? 0) == 0 && (AudioInSeconds ?? 0) == 0 && CachedAudioIn == 0 && ImageIn == 0 &&
        CachedImageIn == 0 && TextOut == 0 && (AudioOut ?? 0) == 0 && (AudioOutSeconds ?? 0) == 0;

    /// <summary>The error for <see cref="IsEmptyRequest"/>.</summary>
    protected static ValidationResult EmptyRequest() => ValidationResult.Error(
        "the request has no tokens: give at least one of --text-in, --cached-in, --audio-in, --audio-in-seconds, --text-out, --audio-out, --audio-out-seconds (or an image/cached-audio option)");

    /// <summary>The request shape the options describe.</summary>
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

    /// <summary>The model's audio-token rates with the user's overrides applied.</summary>
    public AudioTokenRates Rates(AudioTokenRates catalogRates)
    {
        ArgumentNullException.ThrowIfNull(catalogRates);
        if (AudioInRate is null && AudioOutRate is null)
        {
            return catalogRates;
        }

        return catalogRates with
        {
            Input = AudioInRate is { } i ? AudioTokenRate.FromTokensPerSecond(i) : catalogRates.Input,
            Output = AudioOutRate is { } o ? AudioTokenRate.FromTokensPerSecond(o) : catalogRates.Output,
            Source = catalogRates.Source with { IsAssumption = true, Note = "overridden on the command line" },
        };
    }

    /// <summary>The instant to price at: --at, else now.</summary>
    public DateTimeOffset Instant(Func<DateTimeOffset> clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return At is not null && CliParse.TryInstant(At, out var at) ? at : clock();
    }
}
