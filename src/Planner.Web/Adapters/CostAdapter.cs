using Planner.Core;
using Planner.Core.Catalog;
using Planner.Core.Pricing;
using Planner.Core.Units;
using Planner.Web.Forms;

namespace Planner.Web.Adapters;

/// <summary>ADAPTER until the contract's <c>CostQuery</c>/<c>CostService</c>/<c>CompareResult</c> are wired: reads the
/// Cost page's fields and prices them with Core's <see cref="PricingEngine"/> directly (the same calls the CLI's cost
/// and compare commands make).</summary>
public static class CostAdapter
{
    /// <summary>The page's token fields and the meters they fill.</summary>
    public static IReadOnlyList<(string Field, string Label, Meter Meter)> TokenFields { get; } =
    [
        ("text_in", "Text input tokens", Meter.TextInput),
        ("cached_in", "Cached text input tokens", Meter.CachedTextInput),
        ("text_out", "Text output tokens", Meter.TextOutput),
    ];

    /// <summary>Reads the form; null when a field has an error (the errors are on <paramref name="form"/>).</summary>
    public static CostInputs? Read(FormValues form, ModelCatalog catalog, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(catalog);
        string model = form.Text("model", CostInputs.DefaultModel);
        if (!catalog.TryResolve(model, out _))
        {
            form.Error("model", $"model: unknown model '{model}'");
        }

        var compare = form.List("compare");
        foreach (string name in compare.Where(n => !catalog.TryResolve(n, out _)))
        {
            form.Error("compare", $"compare: unknown model '{name}'");
        }

        decimal? audioIn = form.Submitted ? Seconds(form, "audio_in_seconds") : CostInputs.DefaultAudioInSeconds;
        decimal? audioOut = form.Submitted ? Seconds(form, "audio_out_seconds") : CostInputs.DefaultAudioOutSeconds;
        var tokens = new Dictionary<Meter, long>();
        foreach (var (field, _, meter) in TokenFields)
        {
            tokens[meter] = form.Long(field, 0, TokenCount.MaxPerRequest) ?? 0;
        }

        long requestsPerDay = form.Long("requests_per_day", 1, CostInputs.MaxRequestsPerDay) ?? CostInputs.DefaultRequestsPerDay;
        var at = form.Date("at") is { } day ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : now;
        if (form.Errors.Count > 0)
        {
            return null;
        }

        if ((audioIn ?? 0) == 0 && (audioOut ?? 0) == 0 && tokens.Values.All(t => t == 0))
        {
            form.Error("audio_in_seconds", "the request has no tokens: give at least one of audio_in_seconds, audio_out_seconds, text_in, cached_in, text_out");
            return null;
        }

        var shape = new RequestShape
        {
            AudioInput = AudioAmount.FromDuration(AudioDuration.FromSeconds(audioIn ?? 0)),
            AudioOutput = AudioAmount.FromDuration(AudioDuration.FromSeconds(audioOut ?? 0)),
            TextInput = new TokenCount(tokens[Meter.TextInput]),
            CachedInput = new TokenCount(tokens[Meter.CachedTextInput]),
            TextOutput = new TokenCount(tokens[Meter.TextOutput]),
        };
        return new CostInputs(model, compare, shape, requestsPerDay, at);
    }

    /// <summary>Seconds of audio, checked as Core checks them.</summary>
    internal static decimal? Seconds(FormValues form, string field)
    {
        if (form.Decimal(field, 0, 1_000_000_000) is not { } seconds)
        {
            return null;
        }

        if (!AudioDuration.TryFromSeconds(seconds, out _, out string? error))
        {
            form.Error(field, $"{field} {error}");
            return null;
        }

        return seconds;
    }

    /// <summary>Prices the request on the model and on each compared one (a model repeated is priced once).</summary>
    /// <exception cref="PlannerException">A cap broken, or a model without a price at that date.</exception>
    public static CostView Run(CostInputs inputs, ModelCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(catalog);
        var day = DateOnly.FromDateTime(inputs.At.UtcDateTime);
        var lines = new List<CostLine>();
        foreach (string name in new[] { inputs.Model }.Concat(inputs.Compare).Distinct(StringComparer.Ordinal))
        {
            var model = catalog.Resolve(name);
            if (lines.Any(l => l.Model.BillingId == model.BillingId))
            {
                continue;
            }

            var rates = catalog.RatesFor(model.Model);
            var usage = inputs.Shape.ToUsage(rates);
            var quote = PricingEngine.Price(model, usage, inputs.At);
            var perDay = new CostTotals();
            perDay.Add(usage, quote.Cost, inputs.RequestsPerDay);
            var perMonth = new CostTotals();
            perMonth.Add(usage, quote.Cost, checked(inputs.RequestsPerDay * CostInputs.DaysPerMonth));
            lines.Add(new CostLine(model, rates, quote, perDay, perMonth, ModelLifecycle.WarningsAt(model, day)));
        }

        return new CostView(inputs, lines);
    }
}
