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
        if (settings.Json)
        {
            JsonOutput.Write(environment.Out, w =>
            {
                if (settings.Model is not null)
                {
                    WriteModel(w, models[0]);
                    return;
                }

                w.WriteStartObject();
                w.WriteStartArray("models");
                foreach (var model in models)
                {
                    WriteModel(w, model);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            });
            return ExitCodes.Success;
        }

        foreach (var model in models)
        {
            WriteTable(model);
        }

        return ExitCodes.Success;
    }

    private static void WriteModel(System.Text.Json.Utf8JsonWriter w, ModelSpec model)
    {
        w.WriteStartObject();
        w.WriteString("model", model.Id);
        w.WriteStartArray("tiers");
        foreach (var t in model.Tiers)
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

    private void WriteTable(ModelSpec model)
    {
        var first = model.Tiers.Count > 0 ? model.Tiers[0] : null;
        var table = new Table().Border(TableBorder.Rounded).Title($"{model.Id}: usage tiers")
            .AddColumn("Tier").AddColumn(new TableColumn("RPM").RightAligned()).AddColumn(new TableColumn("TPM").RightAligned())
            .AddColumn(new TableColumn("Monthly usage limit").RightAligned()).AddColumn("Qualification");
        foreach (var t in model.Tiers)
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
