namespace Planner.Core.Traces;

/// <summary>What <see cref="TraceGenerator"/> makes.</summary>
public sealed record TraceGeneratorOptions
{
    /// <summary>Rows to write. Must be >= 1.</summary>
    public required long Rows { get; init; }

    /// <summary>Seeds every random draw: the same seed gives the same file. The default value is 1.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The first day (UTC). The default value is 2026-01-15.</summary>
    public DateOnly Start { get; init; } = new(2026, 1, 15);

    /// <summary>The most days a trace may span: 3,660 (ten years; the arrival intensity is held per minute).</summary>
    public const int MaxDays = 3_660;

    /// <summary>Days the arrivals spread over. The default value is 1. Must be >= 1 and at most <see cref="MaxDays"/>.</summary>
    public int Days { get; init; } = 1;

    /// <summary>The share of requests escalated to the larger model (gpt-audio); the rest go to gpt-audio-mini.
    /// The default value is 0.1. Must be in [0, 1].</summary>
    public double EscalationShare { get; init; } = 0.1;

    /// <summary>When a surge starts (an incident or a campaign: many more calls for a while), from the start of the
    /// first day; null (the default) for none.</summary>
    public TimeSpan? SurgeAt { get; init; }

    /// <summary>How long the surge lasts. The default value is 20 minutes. Must be >= 1 minute.</summary>
    public TimeSpan SurgeLength { get; init; } = TimeSpan.FromMinutes(20);

    /// <summary>How many times the usual arrival intensity the surge brings. The default value is 10. Must be >= 1.</summary>
    public double SurgeFactor { get; init; } = 10;

    /// <summary>What is wrong with these settings, if anything.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Rows < 1)
        {
            problems.Add($"rows must be >= 1, got {Rows}");
        }

        if (Days < 1)
        {
            problems.Add($"days must be >= 1, got {Days}");
        }
        else if (Days > MaxDays)
        {
            problems.Add($"days must be at most {MaxDays:N0} (ten years), got {Days:N0}");
        }
        else if (Days > DateOnly.MaxValue.DayNumber - Start.DayNumber + 1)
        {
            problems.Add($"days {Days} from {Start:yyyy-MM-dd} runs past {DateOnly.MaxValue:yyyy-MM-dd}, the last date a timestamp can have");
        }

        if (!(EscalationShare is >= 0 and <= 1))
        {
            problems.Add($"the escalation share must be in [0, 1], got {EscalationShare}");
        }

        if (SurgeAt is { } at && (at < TimeSpan.Zero || at >= TimeSpan.FromDays(Days)))
        {
            problems.Add($"the surge must start within the {Days} day(s) of the trace, got {at}");
        }

        if (SurgeLength < TimeSpan.FromMinutes(1))
        {
            problems.Add($"the surge must last at least 1 minute, got {SurgeLength}");
        }

        if (!(SurgeFactor >= 1) || double.IsInfinity(SurgeFactor))
        {
            problems.Add($"the surge factor must be >= 1, got {SurgeFactor}");
        }

        return problems;
    }
}
