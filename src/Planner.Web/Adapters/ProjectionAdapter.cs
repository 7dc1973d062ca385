using System.Globalization;
using Planner.Core;
using Planner.Core.Catalog;
using Planner.Core.Migration;
using Planner.Core.Pricing;
using Planner.Core.Projection;
using Planner.Core.Units;
using Planner.Web.Forms;

namespace Planner.Web.Adapters;

/// <summary>ADAPTER until contract-b's <c>ProjectQuery</c>/<c>ProjectService</c>/<c>ProjectResult</c> are wired: the same
/// Core calls as the CLI's <c>project</c> with a request shape (Workload.FromShape, ShutdownMigration, Projector,
/// UsageLimitWarnings), without its trace and call inputs.</summary>
public static class ProjectionAdapter
{
    /// <summary>Reads the form; null when a field has an error (the errors are on <paramref name="form"/>).</summary>
    public static ProjectionInputs? Read(FormValues form, ModelCatalog catalog, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(catalog);
        bool first = !form.Submitted;
        string model = form.Text("model", "gpt-audio-mini");
        if (!catalog.TryResolve(model, out _))
        {
            form.Error("model", $"model: unknown model '{model}'");
        }

        var compare = form.List("compare_models");
        foreach (string name in compare.Where(n => !catalog.TryResolve(n, out _)))
        {
            form.Error("compare_models", $"compare_models: unknown model '{name}'");
        }

        string? migrateTo = form.Raw("migrate_to");
        if (migrateTo is not null && !catalog.TryResolve(migrateTo, out _))
        {
            form.Error("migrate_to", $"migrate_to: unknown model '{migrateTo}'");
        }

        decimal? audioIn = first ? 120 : form.Seconds("audio_in_seconds");
        decimal? audioOut = first ? 60 : form.Seconds("audio_out_seconds");
        long textIn = form.Long("text_in", 0, TokenCount.MaxPerRequest) ?? 0;
        long textOut = form.Long("text_out", 0, TokenCount.MaxPerRequest) ?? 0;
        decimal perDay = (first ? 1_000 : form.Decimal("requests_per_day", 0, 1_000_000_000)) ?? 1_000;
        decimal sd = (first ? 150 : form.Decimal("requests_per_day_sd", 0, 1_000_000_000)) ?? 0;
        int months = (int)(form.Long("months", 1, ProjectionInputs.MaxMonths) ?? ProjectionDefaults.Months);
        decimal growth = (first ? 10 : form.Decimal("growth", -99.99m, 1_000)) ?? 0;
        decimal? budget = first ? 3_000 : form.Decimal("budget", 0, 1_000_000_000_000);
        int runs = (int)(form.Long("runs", 100, ProjectionInputs.MaxRuns) ?? ProjectionDefaults.Runs);
        int seed = (int)(form.Long("seed", int.MinValue, int.MaxValue) ?? ProjectionDefaults.Seed);
        var start = form.Date("start") ?? DateOnly.FromDateTime(now.UtcDateTime);
        if (form.Errors.Count > 0)
        {
            return null;
        }

        if ((audioIn ?? 0) == 0 && (audioOut ?? 0) == 0 && textIn == 0 && textOut == 0)
        {
            form.Error("audio_in_seconds", "the request has no tokens: give at least one of audio_in_seconds, audio_out_seconds, text_in, text_out");
            return null;
        }

        var shape = new RequestShape
        {
            AudioInput = AudioAmount.FromDuration(AudioDuration.FromSeconds(audioIn ?? 0)),
            AudioOutput = AudioAmount.FromDuration(AudioDuration.FromSeconds(audioOut ?? 0)),
            TextInput = new TokenCount(textIn),
            TextOutput = new TokenCount(textOut),
        };
        return new ProjectionInputs(model, compare, shape, perDay, sd, months, growth, budget, migrateTo, start, runs, seed);
    }

    /// <summary>Projects the inputs.</summary>
    /// <exception cref="PlannerException">A cap broken, a model shut down with nowhere to go, or a growth too steep to compute.</exception>
    public static ProjectionView Run(ProjectionInputs inputs, ModelCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(catalog);
        var options = new ProjectionOptions
        {
            Months = inputs.Months,
            Runs = inputs.Runs,
            Seed = inputs.Seed,
            GrowthPercent = inputs.Growth,
            Budget = inputs.Budget is { } b ? Usd.FromDollars(b) : null,
        }.Validate();
        var at = new DateTimeOffset(inputs.Start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var model = catalog.Resolve(inputs.Model);
        var usage = inputs.Shape.ToUsage(catalog.RatesFor(model.Model));
        RequestCaps.Ensure(model.Model, usage);
        var workload = Workload.FromShape(model, usage, inputs.RequestsPerDay, inputs.RequestsPerDaySd);
        string source = $"{model.BillingId}, {inputs.RequestsPerDay.ToString("#,0.###", CultureInfo.InvariantCulture)} requests/day";

        var calendar = new ProjectionCalendar(inputs.Start, inputs.Months);
        var (moved, steps) = ShutdownMigration.Apply(workload, calendar, from => Destination(catalog, inputs, from), (stream, _) => stream.Usage);
        source = steps.Aggregate(source, (label, step) => label + $" -> {step.To} from {Date(step.Shutdown)}");

        var compare = inputs.CompareModels.Select(catalog.Resolve).ToList();
        var targets = new List<ProjectionTarget>();
        if (compare.Count > 0)
        {
            targets.Add(steps.Count == 0 ? ProjectionTarget.On(model) : ProjectionTarget.AsGiven);
            targets.AddRange(compare.Where(c => !targets.Any(t => t.Name == c.Model.Id)).Select(ProjectionTarget.On));
        }
        else
        {
            targets.Add(ProjectionTarget.AsGiven);
        }

        var result = Projector.Project(moved, targets, options, at);
        var warnings = new List<PlannerWarning>();
        foreach (var used in moved.Streams.Select(s => s.Model).Concat(compare).DistinctBy(m => m.BillingId))
        {
            warnings.AddRange(ModelLifecycle.WarningsAt(used, inputs.Start));
        }

        foreach (var step in steps)
        {
            warnings.Add(new PlannerWarning("migrated", step.Month == 0
                ? $"{step.From} shut down on {Date(step.Shutdown)}, before month 1: the whole projection is on {step.To}"
                : $"{step.From} shuts down on {Date(step.Shutdown)}: month {step.Month} is split at that day, {Math.Round(step.ShareBefore * 100m, 2).ToString("0.##", CultureInfo.InvariantCulture)}% on {step.From}, the rest and every later month on {step.To}"));
        }

        warnings.AddRange(result.Warnings);
        warnings.AddRange(UsageLimitWarnings.For(moved.Streams[^1].Model.Model, [.. result.Targets[0].Months.Select(m => (m.Month, m.OrganizationSpend))]));
        return new ProjectionView(inputs, result, source, steps, ModelLifecycle.Distinct(warnings));
    }

    private static ResolvedModel Destination(ModelCatalog catalog, ProjectionInputs inputs, ResolvedModel from) =>
        inputs.MigrateTo is { } to ? catalog.Resolve(to)
        : from.Replacement is { } replacement ? catalog.Resolve(replacement)
        : throw new PlannerException(PlannerErrorKind.AfterShutdown,
            $"{from.BillingId} shuts down on {Date(from.Shutdown!.Value)}, inside the horizon, and has no recommended replacement: choose a model in migrate_to");

    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
