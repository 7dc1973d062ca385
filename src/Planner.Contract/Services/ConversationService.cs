using Planner.Contract.Queries;
using Planner.Contract.Results;
using Planner.Core.Catalog;
using Planner.Core.Conversations;
using Planner.Core.Pricing;

namespace Planner.Contract.Services;

/// <summary>Runs <c>conversation</c>: every turn resends the whole history.</summary>
public static class ConversationService
{
    public static ConversationResult Run(ConversationQuery query, ModelCatalog catalog, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(catalog);
        var model = catalog.Resolve(query.Model);
        var rates = RequestShapeQuery.ApplyRates(catalog.RatesFor(model.Model), query.AudioInRate, query.AudioOutRate);
        var at = RequestShapeQuery.InstantOf(query.At, now);
        var plan = ConversationPlanner.Plan(model.Model, PricingEngine.PricesAt(model, at), query.ToSpec(), rates);
        var assumptions = new AssumptionList().AddAudioRates(rates, used: true)
            .Add("history", "resent every turn", "turn k's input is the system text, all earlier user and assistant audio and the new user audio; assistant audio counts at the output rate wherever it appears");
        return new ConversationResult
        {
            Model = model.BillingId,
            UserAudioTokensPerTurn = plan.UserTokensPerTurn.Value,
            AssistantAudioTokensPerTurn = plan.AssistantTokensPerTurn.Value,
            Turns = [.. plan.Turns.Select(t => new ConversationTurnRow
            {
                Turn = t.Turn,
                Tokens = MeterTokens.From(t.Usage),
                CostUsd = t.Cost.Total,
                CumulativeUsd = t.CumulativeCost,
            })],
            Tokens = MeterTokens.From(plan.Usage),
            TotalUsd = plan.Total,
            ContextOverflowTurn = plan.OverflowTurn,
            ContextWindow = model.Model.ContextWindow.Value,
            Warnings = new WarningList().For(model, at).Items,
            Assumptions = assumptions.Items,
        };
    }
}
