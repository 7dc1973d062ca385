using Planner.Core.Calls;
using Planner.Core.Catalog;
using Planner.Core.Pricing;
using Planner.Core.Units;

namespace Planner.Core.Conversations;

/// <summary>Costs a voice conversation whose every turn resends the history (docs/catalog-facts.md): turn k sends the
/// system text, all earlier user and assistant audio and the new user audio, and receives the assistant's audio.</summary>
public static class ConversationPlanner
{
    /// <summary>Costs <paramref name="spec"/> on <paramref name="model"/> at <paramref name="prices"/>. User audio counts at
    /// the input rate and assistant audio at the output rate wherever it appears (OpenAI: "audio tokens in assistant
    /// messages are 1 token per 50ms").</summary>
    /// <exception cref="PlannerException">Fewer than one turn, a reply over the output cap, or a turn over the context window.</exception>
    public static ConversationPlan Plan(ModelSpec model, PriceSet prices, ConversationSpec spec, AudioTokenRates rates)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(prices);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(rates);
        if (spec.Turns is < 1 or > ConversationSpec.MaxTurns)
        {
            throw new PlannerException(PlannerErrorKind.InvalidArgument, "turns", $"turns must be 1 to 100,000, got {spec.Turns}");
        }

        var user = rates.Input.TokensFor(spec.UserAudio);
        var assistant = rates.Output.TokensFor(spec.AssistantAudio);
        long perTurn = checked(user.Value + assistant.Value);
        long room = model.ContextWindow.Value - spec.SystemTextTokens.Value;

        // Turn k holds T + k (u + a) tokens, so it overflows once k > (C - T) / (u + a).
        long? overflow = perTurn == 0 ? (room < 0 ? 1 : null) : room < perTurn ? 1 : (room / perTurn) + 1;
        if (overflow is { } first && first <= spec.Turns)
        {
            long needs = checked(spec.SystemTextTokens.Value + (first * perTurn));
            throw new PlannerException(PlannerErrorKind.ContextWindowExceeded,
                $"turn {first:N0} of {spec.Turns:N0} needs {needs:N0} tokens, over {model.Id}'s {model.ContextWindow.Value:N0}-token context window; at most {first - 1:N0} turns fit");
        }

        // The turns are costed by the call planner (one shape for both APIs): a conversation is a Chat Completions
        // call with no cache hit, whatever API the model serves, as this command always priced it.
        var call = CallPlanner.Plan(new ResolvedModel(model with { Api = ModelApi.ChatCompletions }, null, model.Id), prices, new CallShape
        {
            Turns = spec.Turns,
            UserAudio = spec.UserAudio,
            AssistantAudio = spec.AssistantAudio,
            SystemTextTokens = spec.SystemTextTokens,
        }, new CallOptions { CacheHitShare = 0m }, rates, DateOnly.MinValue);
        var turns = new List<ConversationTurn>(spec.Turns);
        foreach (var turn in call.Turns)
        {
            RequestCaps.Ensure(model, turn.Usage);
            turns.Add(new ConversationTurn(turn.Turn, turn.Usage, turn.Cost, turn.CumulativeCost));
        }

        var total = call.Usage;
        var totalCost = call.Total;
        return new ConversationPlan(turns, total, totalCost, user, assistant, overflow);
    }
}
