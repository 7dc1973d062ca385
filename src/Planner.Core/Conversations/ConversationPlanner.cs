using Planner.Core.Catalog;
using Planner.Core.Pricing;
using Planner.Core.Units;

namespace Planner.Core.Conversations;

/// <summary>Costs a voice conversation whose every turn resends the history (FACTS.md): turn k sends the
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
            throw new PlannerException(PlannerErrorKind.InvalidArgument, $"--turns must be 1 to 100,000, got {spec.Turns}");
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

        var sheet = new PriceSheet(prices, model.Id);
        var turns = new List<ConversationTurn>(spec.Turns);
        var total = Usage.Zero;
        long totalPico = 0;
        for (int k = 1; k <= spec.Turns; k++)
        {
            var usage = new Usage(spec.SystemTextTokens, TokenCount.Zero, new TokenCount(checked(((k - 1) * perTurn) + user.Value)), TokenCount.Zero, assistant);
            RequestCaps.Ensure(model, usage);
            var cost = sheet.Price(usage);
            total += usage;
            totalPico = checked(totalPico + cost.TotalPicodollars);
            turns.Add(new ConversationTurn(k, usage, cost, Usd.FromPicodollars(totalPico)));
        }

        return new ConversationPlan(turns, total, Usd.FromPicodollars(totalPico), user, assistant, overflow);
    }
}
