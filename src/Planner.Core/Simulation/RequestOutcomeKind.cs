namespace Planner.Core.Simulation;

/// <summary>What became of one valid trace row in a simulation.</summary>
public enum RequestOutcomeKind
{
    /// <summary>Admitted and billed.</summary>
    Completed,

    /// <summary>A 429 on every attempt (retry only): not billed.</summary>
    Dropped,

    /// <summary>Never admissible at the tier (a TPM charge over the bucket's capacity, or a model the tier does not support).</summary>
    Rejected,
}
