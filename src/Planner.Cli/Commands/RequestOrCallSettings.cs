using System.ComponentModel;
using Planner.Core.Calls;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Planner.Cli.Commands;

/// <summary>A request shape or a call (see <see cref="ICallShapeSettings"/>): the options of commands that take either
/// (<c>capacity</c>, <c>project</c>, <c>migrate</c>). A call is meant when any call option is given.</summary>
public class RequestOrCallSettings : RequestShapeSettings, ICallShapeSettings
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

    /// <summary>True when the options describe a call rather than one request.</summary>
    public bool IsCall => CallShapeInput.IsGiven(this);

    /// <summary>True when any request-shape option was given.</summary>
    public bool HasRequestShape => TextIn != 0 || CachedIn != 0 || AudioIn is not null || AudioInSeconds is not null || TextOut != 0 || AudioOut is not null || AudioOutSeconds is not null;

    /// <summary>The request shape's checks, then (for a call) every problem with the call options at once.</summary>
    public override ValidationResult Validate()
    {
        var own = base.Validate();
        if (!own.Successful || !IsCall)
        {
            return own;
        }

        var problems = CallShapeInput.Problems(this, lengthRequired: CallLengthRequired);
        if (HasRequestShape)
        {
            problems.Insert(0, "give a request shape (--text-in, --audio-in-seconds, ...) or a call (--turns, --user-audio-seconds, ...), not both");
        }

        return problems.Count == 0 ? ValidationResult.Success() : ValidationResult.Error(string.Join("; ", problems));
    }

    /// <summary>Whether a call needs --turns or --minutes (project may take a distribution of minutes instead). The default value is true.</summary>
    protected virtual bool CallLengthRequired => true;
}
