namespace Planner.Core.Regression;

/// <summary>What kind of name a <see cref="NameChange"/> is about.</summary>
public enum NameKind
{
    Model,
    Snapshot,
    Alias,
}
