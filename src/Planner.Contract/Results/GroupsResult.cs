using Planner.Core.Traces;

namespace Planner.Contract.Results;

/// <summary>A trace's cost per group: the groups add up to the trace's total, exactly.</summary>
public sealed record GroupsResult
{
    /// <summary>The field grouped by: project, api_key, user or model.</summary>
    public required string Field { get; init; }

    /// <summary>The groups, as Core orders them.</summary>
    public required IReadOnlyList<GroupRow> Groups { get; init; }

    /// <summary>The record of Core's groups.</summary>
    public static GroupsResult From(string field, GroupedCosts groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        return new GroupsResult { Field = field, Groups = [.. groups.Groups.Select(g => new GroupRow(g.Group, g.Totals.Requests, g.Totals.Total))] };
    }
}
