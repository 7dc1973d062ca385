namespace Planner.Core.Ingest;

/// <summary>One bucket of a Usage (or Costs) API page: its span and its results.</summary>
internal sealed class UsageBucket
{
    public long Line;
    public long StartTicks = -1;
    public long EndTicks = -1;
    public List<UsageResult> Results { get; } = [];
}
