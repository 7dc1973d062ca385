using Planner.Core;
using Planner.Core.Calls;
using Planner.Core.Catalog;
using Planner.Core.Pricing;
using Planner.Core.Units;
using Planner.Web.Forms;

namespace Planner.Web.Adapters;

/// <summary>ADAPTER until contract-a's <c>CallQuery</c>/<c>CallService</c>/<c>CallResult</c> and the capacity records are
/// wired: the Core calls the CLI's <c>call</c> and <c>capacity --concurrent-calls</c> make (CallPlanner, CallCapacity).</summary>
public static class CallAdapter
{
    /// <summary>Reads the form; null when a field has an error.</summary>
    public static CallInputs? Read(FormValues form, ModelCatalog catalog, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(catalog);
        bool first = !form.Submitted;
        string model = form.Text("model", CallInputs.DefaultModel);
        if (!catalog.TryResolve(model, out _))
        {
            form.Error("model", $"model: unknown model '{model}'");
        }

        long? turns = form.Long("turns", 1, CallDefaults.MaxTurns);
        decimal? minutes = first ? 4 : form.Decimal("minutes", 0.01m, 1_440);
        if (turns is not null && minutes is not null)
        {
            form.Error("minutes", "give turns or minutes, not both");
        }
        else if (form.Submitted && turns is null && minutes is null && form.ErrorFor("turns") is null && form.ErrorFor("minutes") is null)
        {
            form.Error("minutes", "minutes or turns is required, e.g. minutes 4");
        }

        decimal user = (first ? 10 : form.Seconds("user_audio_seconds")) ?? 0;
        decimal assistant = (first ? 20 : form.Seconds("assistant_audio_seconds")) ?? 0;
        long system = (first ? 500 : form.Long("system_text_tokens", 0, TokenCount.MaxPerRequest)) ?? 0;
        decimal cacheHit = form.Decimal("cache_hit", 0, 1) ?? CallDefaults.CacheHitShare;
        long callsPerDay = (first ? 20_000 : form.Long("calls_per_day", 0, 100_000_000)) ?? 0;
        decimal? concurrent = form.Decimal("concurrent_calls", 0.01m, 10_000_000);
        var at = form.Date("at") is { } day ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : now;
        if (minutes is not null && user + assistant <= 0)
        {
            form.Error("user_audio_seconds", "minutes needs user_audio_seconds or assistant_audio_seconds > 0 to derive turns from");
        }

        if (form.Errors.Count > 0)
        {
            return null;
        }

        var perTurn = new CallShape
        {
            Turns = (int)(turns ?? 1),
            UserAudio = AudioDuration.FromSeconds(user),
            AssistantAudio = AudioDuration.FromSeconds(assistant),
            SystemTextTokens = new TokenCount(system),
        };
        var shape = minutes is { } m ? CallShape.FromMinutes(m, CallDefaults.TalkShare, perTurn) : perTurn;
        return new CallInputs(model, shape, new CallOptions { CacheHitShare = cacheHit }, callsPerDay, concurrent, at);
    }

    /// <summary>Prices the call and fits it to the tiers of the scheme in effect.</summary>
    /// <exception cref="PlannerException">A model shut down at that date, or a call its context cannot hold.</exception>
    public static CallView Run(CallInputs inputs, ModelCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(catalog);
        var model = catalog.Resolve(inputs.Model);
        var day = DateOnly.FromDateTime(inputs.At.UtcDateTime);
        var prices = PricingEngine.PricesAt(model, inputs.At);
        var plan = CallPlanner.Plan(model, prices, inputs.Shape, inputs.Options, catalog.RatesFor(model.Model), day);
        var perDay = plan.Total * inputs.CallsPerDay;
        // Without a concurrency given, calls a day spread evenly over 24 hours: calls a minute = calls a day / 1,440.
        var load = inputs.ConcurrentCalls is { } c ? CallLoad.Concurrent(c) : CallLoad.PerMinute(inputs.CallsPerDay / 1_440m);
        var capacity = CallCapacity.For(model.Model, plan, load, catalog.TiersAt(model.Model, day));
        return new CallView(inputs, model, plan, perDay, perDay * 30, capacity, load.ConcurrentFor(plan.CallMinutes));
    }
}
