namespace Planner.Core.Regression;

/// <summary>The unit of a <see cref="FigureChange"/>.</summary>
public enum FigureUnit
{
    Tokens,
    RequestsPerMinute,
    TokensPerMinute,
    Usd,
    TokensPerSecond,
}
