namespace Planner.Contract.Results;

/// <summary>Audio-token rates (tokens per second of audio) and where they come from.</summary>
public sealed record AudioRatesItem
{
    public required decimal InputTokensPerSecond { get; init; }

    public required decimal OutputTokensPerSecond { get; init; }

    /// <summary>True when the rates are an assumption (OpenAI documents them for the Realtime API only).</summary>
    public required bool Assumption { get; init; }

    public required string Source { get; init; }

    /// <summary>The item of Core's rates.</summary>
    public static AudioRatesItem From(Planner.Core.Catalog.AudioTokenRates rates)
    {
        ArgumentNullException.ThrowIfNull(rates);
        return new AudioRatesItem
        {
            InputTokensPerSecond = rates.Input.TokensPerSecond,
            OutputTokensPerSecond = rates.Output.TokensPerSecond,
            Assumption = rates.Source.IsAssumption,
            Source = rates.Source.Url,
        };
    }
}
