namespace Planner.Core.Crosscheck;

/// <summary>What a disagreement is about.</summary>
public enum CrosscheckKind
{
    /// <summary>Both list a price for the meter, and they differ by more than the tolerance.</summary>
    Price,

    /// <summary>Planner prices the meter; the reference lists no price for it (e.g. a missing audio meter).</summary>
    MissingMeter,

    /// <summary>The reference prices a meter Planner's model does not have.</summary>
    ExtraMeter,

    /// <summary>The context windows differ.</summary>
    ContextWindow,

    /// <summary>The output caps differ.</summary>
    MaxOutputTokens,
}
