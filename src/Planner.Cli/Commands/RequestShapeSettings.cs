using System.ComponentModel;
using System.Globalization;
using Planner.Cli.Infrastructure;
using Planner.Contract.Queries;
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
    public const long MaxRequests = RequestShapeQuery.MaxRequests;

    /// <summary>Checks a --requests value: 1 to <see cref="MaxRequests"/>.</summary>
    protected static ValidationResult ValidateRequests(long requests) =>
        RequestShapeQuery.RequestsError("requests", requests) is { } error
            ? ValidationResult.Error(FieldFlags.Message(error))
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

    /// <summary>The first problem of the request shape (the checks and messages are <see cref="RequestShapeQuery.ShapeErrors"/>'s,
    /// with fields named as flags). Commands on the output contract validate their whole query instead.</summary>
    public override ValidationResult Validate()
    {
        var errors = ShapeQuery().ShapeErrors();
        return errors.Count == 0 ? ValidationResult.Success() : ValidationResult.Error(FieldFlags.Message(errors[0]));
    }

    /// <summary>The request shape fields as a query part.</summary>
    public RequestShapeQuery ShapeQuery() => WithShape(new RequestShapeQuery());

    /// <summary>True when no token or audio option is given a value above zero: a request of nothing,
    /// which cost, capacity and compare refuse rather than print a $0 table.</summary>
    public bool IsEmptyRequest => ShapeQuery().IsEmptyRequest;

    /// <summary>The error for <see cref="IsEmptyRequest"/>.</summary>
    protected static ValidationResult EmptyRequest() => ValidationResult.Error(FieldFlags.Message(RequestShapeQuery.EmptyRequestError));

    /// <summary>The request shape the options describe.</summary>
    public RequestShape ToShape() => ShapeQuery().ToShape();

    /// <summary>The model's audio-token rates with the user's overrides applied.</summary>
    public AudioTokenRates Rates(AudioTokenRates catalogRates) => ShapeQuery().Rates(catalogRates);

    /// <summary><paramref name="query"/> with this command line's request shape fields.</summary>
    protected T WithShape<T>(T query)
        where T : RequestShapeQuery
    {
        ArgumentNullException.ThrowIfNull(query);
        RequestShapeQuery shape = query;
        return (T)(shape with
        {
            TextIn = TextIn,
            CachedIn = CachedIn,
            AudioIn = AudioIn,
            AudioInSeconds = AudioInSeconds,
            CachedAudioIn = CachedAudioIn,
            ImageIn = ImageIn,
            CachedImageIn = CachedImageIn,
            TextOut = TextOut,
            AudioOut = AudioOut,
            AudioOutSeconds = AudioOutSeconds,
            AudioInRate = AudioInRate,
            AudioOutRate = AudioOutRate,
            At = At,
        });
    }

    /// <summary>The instant to price at: --at, else now.</summary>
    public DateTimeOffset Instant(Func<DateTimeOffset> clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return ShapeQuery().Instant(clock());
    }
}
