using Planner.Core.Pricing;

namespace Planner.Core.Projection;

/// <summary>A request of a part learner's opening run (the requests at its first instant, in a row): its rank in that
/// run is known only once the parts before it are merged, which may end at the same instant (<see cref="WorkloadLearner.Merge"/>).</summary>
internal readonly record struct UnplacedRequest(string ModelId, Usage Usage, long Charge);
