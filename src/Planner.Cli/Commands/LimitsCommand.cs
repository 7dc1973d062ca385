using Planner.Cli.Rendering;
using Planner.Core.Catalog;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Planner.Cli.Commands;

/// <summary><c>planner limits</c>: a model's (or every model's) usage tiers with RPM, TPM, monthly usage limits and qualifications.</summary>
public sealed class LimitsCommand(CliEnvironment environment) : Command<ModelSettings>
{
    public override int Execute(CommandContext context, ModelSettings settings, CancellationToken cancellationToken)
    {
        var catalog = CatalogSource.Load(environment, settings);
        var models = settings.Model is { } name ? [catalog.Resolve(name).Model] : catalog.Models.ToList();

        // The tiers of today's scheme: the ones `capacity --tier` accepts on the same day.
        var day = DateOnly.FromDateTime(environment.Clock().UtcDateTime);
        IReadOnlyList<UsageTier> TiersOf(ModelSpec model) => (IReadOnlyList<UsageTier>?)catalog.TiersAt(model, day) ?? [];
        if (settings.Json)
        {
            JsonOutput.Write(environment.Out, w =>
            {
                if (settings.Model is not null)
                {
                    WriteModel(w, models[0], TiersOf(models[0]));
                    return;
                }

                w.WriteStartObject();
                w.WriteStartArray("models");
                foreach (var model in models)
                {
                    WriteModel(w, model, TiersOf(model));
                }

                w.WriteEndArray();
                w.WriteEndObject();
            });
            return ExitCodes.Success;
        }

        foreach (var model in models)
        {
            WriteTable(model, TiersOf(model), day);
        }

        return ExitCodes.Success;
    }

    private static void WriteModel(System.Text.Json.Utf8JsonWriter w, ModelSpec model, IReadOnlyList<UsageTier> tiers)
    {
        w.WriteStartObject();
        w.WriteString("model", model.Id);
        w.WriteStartArray("tiers");
        foreach (var t in tiers)
        {
            w.WriteStartObject();
            w.WriteString("tier", t.Name);
            w.WriteBoolean("supported", t.Supported);
            if (t.Rpm is { } rpm && t.Tpm is { } tpm)
            {
                w.WriteNumber("rpm", rpm.Value);
                w.WriteNumber("tpm", tpm.Value);
            }
            else
            {
                w.WriteNull("rpm");
                w.WriteNull("tpm");
            }

            w.WriteUsd("monthly_usage_limit_usd", t.MonthlyUsageLimit);
            w.WriteString("qualification", t.Qualification);
            w.WriteString("source", t.Source.Url);
            w.WriteBoolean("assumption", t.Source.IsAssumption);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private void WriteTable(ModelSpec model, IReadOnlyList<UsageTier> tiers, DateOnly day)
    {
        var first = tiers.Count > 0 ? tiers[0] : null;
        var table = new Table().Border(TableBorder.Rounded).Title($"{model.Id}: usage tiers on {day:yyyy-MM-dd}")
            .AddColumn("Tier").AddColumn(new TableColumn("RPM").RightAligned()).AddColumn(new TableColumn("TPM").RightAligned())
            .AddColumn(new TableColumn("Monthly usage limit").RightAligned()).AddColumn("Qualification");
        foreach (var t in tiers)
        {
            table.AddRow(
                t.DisplayName,
                t.Rpm is { } rpm ? Format.Count(rpm.Value) : "not supported",
                t.Tpm is { } tpm ? Format.Count(tpm.Value) : "",
                Format.Usd(t.MonthlyUsageLimit),
                Markup.Escape(t.Qualification));
        }

        environment.Console.Write(table);
        if (first is not null)
        {
            environment.Console.MarkupLineInterpolated($"RPM/TPM: {first.Source.Url}{(first.Source.IsAssumption ? " (assumption: " + first.Source.Note + ")" : "")}");
            environment.Console.MarkupLineInterpolated($"Usage limits: {first.UsageLimitSource.Url}");
        }
    }
}
