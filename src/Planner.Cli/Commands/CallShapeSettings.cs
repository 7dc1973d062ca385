using System.ComponentModel;
using Planner.Core.Calls;
using Spectre.Console.Cli;

namespace Planner.Cli.Commands;

/// <summary>The options of one call (see <see cref="ICallShapeSettings"/>) with the audio-rate overrides and the date to
/// price at, for <c>call</c>, which takes no request shape.</summary>
public class CallShapeSettings : CatalogSettings, ICallShapeSettings
{
    [CommandOption("--turns <N>")]
    [Description(CallShapeInput.TurnsHelp)]
    public int? Turns { get; init; }

    [CommandOption("--minutes <M>")]
    [Description(CallShapeInput.MinutesHelp)]
    public decimal? Minutes { get; init; }

    [CommandOption("--talk-share <SHARE>")]
    [Description(CallShapeInput.TalkShareHelp)]
    public decimal TalkShare { get; init; } = CallDefaults.TalkShare;

    [CommandOption("--user-audio-seconds <S>")]
    [Description(CallShapeInput.UserAudioHelp)]
    public decimal? UserAudioSeconds { get; init; }

    [CommandOption("--assistant-audio-seconds <S>")]
    [Description(CallShapeInput.AssistantAudioHelp)]
    public decimal? AssistantAudioSeconds { get; init; }

    [CommandOption("--system-text-tokens <N>")]
    [Description(CallShapeInput.SystemTextHelp)]
    public long SystemTextTokens { get; init; }

    [CommandOption("--tool-text-tokens <N>")]
    [Description(CallShapeInput.ToolTextHelp)]
    public long ToolTextTokens { get; init; }

    [CommandOption("--user-text-tokens <N>")]
    [Description(CallShapeInput.UserTextHelp)]
    public long UserTextTokens { get; init; }

    [CommandOption("--assistant-text-tokens <N>")]
    [Description(CallShapeInput.AssistantTextHelp)]
    public long AssistantTextTokens { get; init; }

    [CommandOption("--cache-hit <SHARE>")]
    [Description(CallShapeInput.CacheHitHelp)]
    public decimal? CacheHit { get; init; }

    [CommandOption("--retention-ratio <R>")]
    [Description(CallShapeInput.RetentionRatioHelp)]
    public decimal RetentionRatio { get; init; } = CallDefaults.RetentionRatio;

    [CommandOption("--truncation <MODE>")]
    [Description(CallShapeInput.TruncationHelp)]
    public string? Truncation { get; init; }

    [CommandOption("--max-output-tokens <N>")]
    [Description(CallShapeInput.MaxOutputHelp)]
    public long? MaxOutputTokens { get; init; }

    [CommandOption("--audio-in-rate <TOKENS_PER_SECOND>")]
    [Description("Override the assumed user audio rate. The default value is the catalog's (10 tokens/s).")]
    public decimal? AudioInRate { get; init; }

    [CommandOption("--audio-out-rate <TOKENS_PER_SECOND>")]
    [Description("Override the assumed assistant audio rate. The default value is the catalog's (20 tokens/s).")]
    public decimal? AudioOutRate { get; init; }

    [CommandOption("--at <ISO-DATE>")]
    [Description("Price with the prices in effect at this date or instant. The default value is now.")]
    public string? At { get; init; }
}
