using Planner.Core.Catalog;
using Planner.Core.Units;

namespace Planner.Cli.Commands;

/// <summary>The catalog's audio-token rates with the user's overrides applied (the same rule as the request commands).</summary>
public static class CallRates
{
    public static AudioTokenRates Apply(AudioTokenRates catalogRates, decimal? input, decimal? output)
    {
        ArgumentNullException.ThrowIfNull(catalogRates);
        if (input is null && output is null)
        {
            return catalogRates;
        }

        return catalogRates with
        {
            Input = input is { } i ? AudioTokenRate.FromTokensPerSecond(i) : catalogRates.Input,
            Output = output is { } o ? AudioTokenRate.FromTokensPerSecond(o) : catalogRates.Output,
            Source = catalogRates.Source with { IsAssumption = true, Note = "overridden on the command line" },
        };
    }
}
