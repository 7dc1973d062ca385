using Planner.Contract.Queries;
using Planner.Contract.Results;
using Planner.Core.Catalog;
using Planner.Core.Units;

namespace Planner.Web.Pages;

/// <summary>The Calls page's figures: the contract's <see cref="CallResult"/> for the call (the same record as
/// <c>planner call --json</c>), a day and a 30-day month of them, and the tiers as <see cref="CallCapacityResult"/>
/// (<c>planner capacity --concurrent-calls --json</c>).</summary>
internal sealed record CallRun(CallQuery Query, ResolvedModel Model, CallResult Call, long CallsPerDay, Usd PerDay, Usd PerMonth, CallCapacityResult Capacity)
{
    /// <summary>The model of a first visit.</summary>
    public const string DefaultModel = "gpt-realtime-2.1-mini";

    /// <summary>A first visit's call: four minutes of 10 s user turns and 20 s replies, a 500-token system prompt, 20,000 a day.</summary>
    public static CallQuery Example { get; } = new() { Model = DefaultModel, Minutes = 4, UserAudioSeconds = 10, AssistantAudioSeconds = 20, SystemTextTokens = 500 };

    /// <summary>A first visit's calls a day.</summary>
    public const long ExampleCallsPerDay = 20_000;
}
