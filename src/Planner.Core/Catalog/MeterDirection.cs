namespace Planner.Core.Catalog;

/// <summary>Whether a meter counts tokens sent to the model or tokens it generates.</summary>
public enum MeterDirection
{
    Input,
    Output,
}
