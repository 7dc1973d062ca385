namespace Planner.Core.Simulation;

/// <summary>One request's fate in a simulation: when it arrived, whether and when it was admitted, and after how many attempts.</summary>
/// <param name="Line">The row's line in the trace file.</param>
/// <param name="ArrivalTicks">The row's timestamp, in UTC ticks.</param>
/// <param name="Kind">Completed, dropped or rejected.</param>
/// <param name="AdmittedTicks">When it was admitted, in UTC ticks (completed only, else 0).</param>
/// <param name="Attempts">Attempts made: 1 under queue; under retry the first included; 0 when rejected.</param>
public readonly record struct RequestOutcome(long Line, long ArrivalTicks, RequestOutcomeKind Kind, long AdmittedTicks, int Attempts)
{
    /// <summary>From arrival to admission (zero unless completed).</summary>
    public TimeSpan QueueDelay => Kind == RequestOutcomeKind.Completed ? TimeSpan.FromTicks(AdmittedTicks - ArrivalTicks) : TimeSpan.Zero;
}
