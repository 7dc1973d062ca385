using Planner.Core;
using Planner.Core.Migration;
using Planner.Core.Projection;

namespace Planner.Web.Adapters;

/// <summary>ADAPTER: the Projection page's result: Core's projection, its label, the migration steps and the warnings.</summary>
public sealed record ProjectionView(ProjectionInputs Inputs, ProjectionResult Result, string Source, IReadOnlyList<MigrationStep> Steps, IReadOnlyList<PlannerWarning> Warnings);
