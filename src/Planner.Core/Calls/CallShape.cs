using System.Globalization;
using Planner.Core.Units;

namespace Planner.Core.Calls;

/// <summary>A voice call as a sequence of identical turns (a user message and an assistant reply each).</summary>
public sealed record CallShape
{
    /// <summary>Turns. Must be 1 to <see cref="CallDefaults.MaxTurns"/>.</summary>
    public required int Turns { get; init; }

    /// <summary>Audio the user speaks each turn. The default value is none.</summary>
    public AudioDuration UserAudio { get; init; }

    /// <summary>Audio the assistant speaks each turn. The default value is none.</summary>
    public AudioDuration AssistantAudio { get; init; }

    /// <summary>System prompt (instructions) tokens sent with every Response. The default value is 0.</summary>
    public TokenCount SystemTextTokens { get; init; }

    /// <summary>Tool definition tokens sent with every Response. The default value is 0.</summary>
    public TokenCount ToolTextTokens { get; init; }

    /// <summary>Text the user sends each turn besides audio. The default value is 0.</summary>
    public TokenCount UserTextTokens { get; init; }

    /// <summary>Text the assistant writes each turn besides audio (e.g. the transcript of its audio). The default value is 0.</summary>
    public TokenCount AssistantTextTokens { get; init; }

    /// <summary>The call's length in minutes when it was given (the turns derived from it), else null:
    /// then the call lasts as long as its audio.</summary>
    public decimal? Minutes { get; init; }

    /// <summary>A call of <paramref name="minutes"/> whose <paramref name="talkShare"/> is speech: one turn for every
    /// (user + assistant audio per turn) seconds of talk, rounded up, at least one.</summary>
    /// <exception cref="PlannerException">Minutes or talk share out of range, or no audio in a turn.</exception>
    public static CallShape FromMinutes(decimal minutes, decimal talkShare, CallShape perTurn)
    {
        ArgumentNullException.ThrowIfNull(perTurn);
        var problems = new List<string>();
        if (minutes is <= 0m or > 24 * 60m)
        {
            problems.Add($"call minutes must be > 0 and at most 1,440, got {D(minutes)}");
        }

        if (talkShare is <= 0m or > 1m)
        {
            problems.Add($"talk share must be > 0 and at most 1, got {D(talkShare)}");
        }

        decimal turnSeconds = perTurn.UserAudio.Seconds + perTurn.AssistantAudio.Seconds;
        if (turnSeconds <= 0m)
        {
            problems.Add("user and assistant audio per turn are both 0: a call length cannot be turned into turns");
        }

        if (problems.Count > 0)
        {
            throw new PlannerException(PlannerErrorKind.InvalidArgument, string.Join("; ", problems));
        }

        decimal turns = Math.Max(1m, Math.Ceiling(minutes * 60m * talkShare / turnSeconds));
        if (turns > CallDefaults.MaxTurns)
        {
            throw new PlannerException(PlannerErrorKind.InvalidArgument,
                $"a {D(minutes)}-minute call of {D(turnSeconds)}-second turns has {D(turns)} turns, more than 100,000");
        }

        return perTurn with { Turns = (int)turns, Minutes = minutes };
    }

    /// <summary>Every problem with the shape, naming its fields.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Turns is < 1 or > CallDefaults.MaxTurns)
        {
            problems.Add($"turns must be 1 to 100,000, got {Turns}");
        }

        return problems;
    }

    /// <summary>How long the call lasts: the given minutes, else its audio (turns x both sides' audio).</summary>
    public decimal CallMinutes => Minutes ?? (Turns * (UserAudio.Seconds + AssistantAudio.Seconds) / 60m);

    private static string D(decimal value) => (value / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
}
