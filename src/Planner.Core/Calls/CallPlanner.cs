using System.Globalization;
using Planner.Core.Catalog;
using Planner.Core.Pricing;
using Planner.Core.Units;

namespace Planner.Core.Calls;

/// <summary>Costs a voice call turn by turn on either API with one shape (FACTS.md sections 3 and 5).</summary>
/// <remarks>
/// Turn k sends the instructions (system + tool text), every earlier turn still in the context (the user's text and
/// audio, the assistant's text and audio, the latter at the output audio rate) and the new user message, and receives
/// one reply. Chat Completions: the client resends that history each request; a request over the context window fails
/// at its turn. Realtime: each Response re-bills the whole conversation; the part that repeats the previous Response's
/// input (its prefix: instructions and the earlier turns' inputs, not that Response's own reply) is cacheable, and the
/// cache-hit share of it (rounded down to whole tokens per modality) bills at the cached rate. When a Response's input
/// passes the truncation limit (context window less the reserved output), the server drops the oldest whole turns
/// until the input is at most retention ratio x limit (instructions and the new user message are never dropped); the
/// cache is busted from the truncation point, so that Response caches only the instructions.
/// </remarks>
public static class CallPlanner
{
    /// <summary>Costs <paramref name="shape"/> on <paramref name="model"/> at <paramref name="prices"/>.</summary>
    /// <param name="model">The model (its API decides how the turns bill).</param>
    /// <param name="prices">The prices in effect.</param>
    /// <param name="shape">The call.</param>
    /// <param name="options">The assumptions (cache-hit share, truncation, reserved output).</param>
    /// <param name="rates">Audio-to-token rates.</param>
    /// <param name="day">The day the call happens, for lifecycle warnings.</param>
    /// <exception cref="PlannerException">Every problem with the shape and options at once; a reply over the output cap;
    /// a turn that does not fit (Chat Completions' context window, or Realtime with truncation disabled).</exception>
    public static CallPlan Plan(ResolvedModel model, PriceSet prices, CallShape shape, CallOptions options, AudioTokenRates rates, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(prices);
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(rates);
        var spec = model.Model;
        var user = rates.Input.TokensFor(shape.UserAudio);
        var assistant = rates.Output.TokensFor(shape.AssistantAudio);
        var problems = new List<string>();
        problems.AddRange(shape.Problems());
        problems.AddRange(options.Problems());
        var reserved = options.MaxOutputTokens ?? spec.MaxOutputTokens;
        var reply = shape.AssistantTextTokens + assistant;
        if (reserved > spec.MaxOutputTokens)
        {
            problems.Add($"max output tokens of {N(reserved.Value)} exceeds {spec.Id}'s {N(spec.MaxOutputTokens.Value)}-token output cap");
        }

        if (reply > reserved)
        {
            problems.Add(options.MaxOutputTokens is null
                ? $"output of {N(reply.Value)} tokens exceeds {spec.Id}'s {N(spec.MaxOutputTokens.Value)}-token output cap"
                : $"the reply of {N(reply.Value)} tokens a turn exceeds max output tokens of {N(reserved.Value)}");
        }

        if (problems.Count > 0)
        {
            throw new PlannerException(PlannerErrorKind.InvalidArgument, string.Join("; ", problems));
        }

        var sheet = new PriceSheet(prices, spec.Id);
        var walk = Walk(spec, shape, options, user, assistant, reserved, options.CacheHitShare, sheet);
        var none = options.CacheHitShare == 0m ? walk : Walk(spec, shape, options, user, assistant, reserved, 0m, sheet);
        var full = options.CacheHitShare == 1m ? walk : Walk(spec, shape, options, user, assistant, reserved, 1m, sheet);

        var tokens = default(ResponseTokens);
        var usage = Usage.Zero;
        var cost = CostBreakdown.Zero;
        foreach (var turn in walk.Turns)
        {
            tokens += turn.Tokens;
            usage += turn.Usage;
            cost += turn.Cost;
        }

        var warnings = new List<PlannerWarning>();
        if (walk.TruncationTurn is { } first)
        {
            warnings.Add(new PlannerWarning("truncation",
                $"the conversation passes the {N(walk.Limit!.Value.Value)}-token truncation limit at turn {N(first)} of {N(shape.Turns)}: from there the server drops the oldest turns, the model no longer hears them, and the cache is busted at each truncation"));
        }

        var status = model.StatusAt(day);
        if (status == LifecycleStatus.Deprecated && model.Shutdown is { } shutdown)
        {
            warnings.Add(new PlannerWarning("model_deprecated",
                $"{model.BillingId} is deprecated: it shuts down on {Date(shutdown)}" + (model.Replacement is { } r ? $"; OpenAI recommends {r}" : "")));
        }

        return new CallPlan
        {
            ModelId = model.BillingId,
            Api = spec.Api,
            Shape = shape,
            Options = options,
            Turns = walk.Turns,
            Tokens = tokens,
            Usage = usage,
            Cost = cost,
            CostWithNoCacheHit = none.Total,
            CostWithFullCacheHit = full.Total,
            ReservedOutput = reserved,
            TruncationLimit = walk.Limit,
            TruncationTurn = walk.TruncationTurn,
            UserAudioTokensPerTurn = user,
            AssistantAudioTokensPerTurn = assistant,
            Assumptions = Assumptions(spec, prices, options, reserved, rates),
            Warnings = warnings,
        };
    }

    private static List<CallAssumption> Assumptions(ModelSpec spec, PriceSet prices, CallOptions options, TokenCount reserved, AudioTokenRates rates)
    {
        var list = new List<CallAssumption>
        {
            new("history", "resent every turn", spec.Api == ModelApi.Realtime
                ? "each Response re-bills the whole conversation still in the context as input (OpenAI realtime-costs guide)"
                : "each Chat Completions request resends the system text, every earlier turn and the new user message"),
            new("assistant_audio_in_history", "output rate", $"assistant audio counts {rates.Output} wherever it appears, also when resent as input"),
            new("cache_hit_share", Number(options.CacheHitShare),
                "share of each Response's cacheable prefix (the previous Response's input) billed at the cached rate, rounded down per modality; "
                + "OpenAI's caching is best-effort, so this is an assumption (0.5 by default; override with the cache-hit share)"),
            new("max_output_tokens", N(reserved.Value), options.MaxOutputTokens is null
                ? $"reserved per Response against TPM{(spec.Api == ModelApi.Realtime ? " and off the truncation limit" : "")}: {spec.Id}'s output cap, what the server reserves when none is set"
                : $"reserved per Response against TPM{(spec.Api == ModelApi.Realtime ? " and off the truncation limit" : "")}, as given"),
        };
        if (spec.Api == ModelApi.Realtime)
        {
            list.Add(new("truncation", options.Truncation == TruncationMode.Disabled ? "disabled" : "retention_ratio " + Number(options.RetentionRatio),
                options.Truncation == TruncationMode.Disabled
                    ? "a Response over the truncation limit fails"
                    : "over the limit the server drops the oldest whole turns until the input is at most retention ratio x limit (1.0 is OpenAI's server default); instructions and the new user message are kept"));
        }

        if (prices.CachedTextInput is null)
        {
            list.Add(new("cached_text_rate", "text input rate", $"{spec.Id} lists no cached text price: cached text bills at the text input rate"));
        }

        if (prices.Listed(Meter.CachedAudioInput) is null)
        {
            list.Add(new("cached_audio_rate", "audio input rate", $"{spec.Id} lists no cached audio price: cached audio bills at the audio input rate"));
        }

        return list;
    }

    private sealed record WalkResult(List<CallTurn> Turns, Usd Total, TokenCount? Limit, int? TruncationTurn);

    private static WalkResult Walk(ModelSpec spec, CallShape shape, CallOptions options, TokenCount user, TokenCount assistant, TokenCount reserved,
        decimal share, PriceSheet sheet)
    {
        bool realtime = spec.Api == ModelApi.Realtime;
        var instructions = shape.SystemTextTokens + shape.ToolTextTokens;
        long turnText = checked(shape.UserTextTokens.Value + shape.AssistantTextTokens.Value);
        long turnAudio = checked(user.Value + assistant.Value);
        long perTurn = checked(turnText + turnAudio);
        long newText = checked(instructions.Value + shape.UserTextTokens.Value);
        long newMessage = checked(newText + user.Value);
        TokenCount? limit = realtime ? spec.ContextWindow - reserved : null;
        long keep = realtime ? (long)Math.Floor(options.RetentionRatio * limit!.Value.Value) : 0;

        var turns = new List<CallTurn>(shape.Turns);
        int firstRetained = 1;
        int? truncationTurn = null;
        long previousText = 0;
        long previousAudio = 0;
        long totalPico = 0;
        for (int k = 1; k <= shape.Turns; k++)
        {
            long earlier = k - firstRetained;
            long input = checked(newMessage + (earlier * perTurn));
            int dropped = 0;
            if (realtime && input > limit!.Value.Value)
            {
                if (options.Truncation == TruncationMode.Disabled)
                {
                    throw new PlannerException(PlannerErrorKind.ContextWindowExceeded,
                        $"turn {N(k)} of {N(shape.Turns)}: the input of {N(input)} tokens passes {spec.Id}'s truncation limit of {N(limit.Value.Value)} (context window {N(spec.ContextWindow.Value)} less {N(reserved.Value)} max output tokens), and truncation is disabled");
                }

                if (newMessage > keep)
                {
                    throw new PlannerException(PlannerErrorKind.ContextWindowExceeded,
                        $"turn {N(k)} of {N(shape.Turns)}: the instructions and the new user message alone ({N(newMessage)} tokens) exceed the {N(keep)} tokens truncation keeps (retention ratio {Number(options.RetentionRatio)} x limit {N(limit.Value.Value)})");
                }

                long fits = perTurn == 0 ? earlier : (keep - newMessage) / perTurn;
                dropped = (int)(earlier - fits);
                firstRetained += dropped;
                earlier = fits;
                input = checked(newMessage + (earlier * perTurn));
                truncationTurn ??= k;
            }

            long text = checked(newText + (earlier * turnText));
            long audio = checked(user.Value + (earlier * turnAudio));
            long output = checked(shape.AssistantTextTokens.Value + assistant.Value);
            if (!realtime && checked(input + output) > spec.ContextWindow.Value)
            {
                throw new PlannerException(PlannerErrorKind.ContextWindowExceeded,
                    $"turn {N(k)} of {N(shape.Turns)} needs {N(checked(input + output))} tokens, over {spec.Id}'s {N(spec.ContextWindow.Value)}-token context window; at most {N(k - 1)} turns fit");
            }

            // The cacheable prefix: the previous Response's whole input, unless this Response truncated (then only
            // the instructions, which come before the truncation point).
            long cacheableText = k == 1 ? 0 : dropped > 0 ? instructions.Value : previousText;
            long cacheableAudio = k == 1 || dropped > 0 ? 0 : previousAudio;
            var tokens = new ResponseTokens(
                new TokenCount(text), new TokenCount(audio),
                new TokenCount(Share(share, cacheableText)), new TokenCount(Share(share, cacheableAudio)),
                shape.AssistantTextTokens, assistant);
            var usage = tokens.ToUsage();
            var cost = sheet.Price(usage);
            totalPico = checked(totalPico + cost.TotalPicodollars);
            turns.Add(new CallTurn(k, tokens, usage, cost, Usd.FromPicodollars(totalPico), TpmCharge.Of(new TokenCount(input), new TokenCount(output), reserved), firstRetained, dropped));
            previousText = text;
            previousAudio = audio;
        }

        return new WalkResult(turns, Usd.FromPicodollars(totalPico), limit, truncationTurn);
    }

    private static long Share(decimal share, long tokens) => (long)Math.Floor(share * tokens);

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Number(decimal value) => (value / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
