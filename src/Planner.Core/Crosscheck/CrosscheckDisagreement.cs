namespace Planner.Core.Crosscheck;

/// <summary>One figure on which a reference catalog and Planner's catalog disagree.</summary>
/// <param name="Source">The reference catalog.</param>
/// <param name="Model">The Planner model or snapshot id.</param>
/// <param name="Field">The figure: a meter's price field ("text_output"), "context_window" or "max_output_tokens".</param>
/// <param name="Kind">What kind of disagreement.</param>
/// <param name="Planner">Planner's figure as text ("24", "none").</param>
/// <param name="Reference">The reference's figure as text ("16", "none").</param>
/// <param name="ReferencePath">Where in the reference file the entry is.</param>
public sealed record CrosscheckDisagreement(
    ReferenceSource Source,
    string Model,
    string Field,
    CrosscheckKind Kind,
    string Planner,
    string Reference,
    string ReferencePath);
