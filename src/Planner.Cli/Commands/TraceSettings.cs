using System.ComponentModel;
using Planner.Core.Catalog;
using Planner.Core.Traces;
using Planner.Core.Units;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Planner.Cli.Commands;

/// <summary>Options every trace-reading command shares.</summary>
public class TraceSettings : CatalogSettings
{
    [CommandArgument(0, "<TRACE>")]
    [Description("The CSV trace (format: docs/trace-format.md), or - for standard input.")]
    public string Trace { get; init; } = "";

    [CommandOption("--skip-invalid")]
    [Description("Count and list bad rows (the first 20) and go on, instead of stopping at the first with exit 2.")]
    public bool SkipInvalid { get; init; }

    [CommandOption("--model-override <MODEL>")]
    [Description("Price (and simulate) every row on this model instead of the row's own: a what-if.")]
    public string? ModelOverride { get; init; }

    [CommandOption("--audio-in-rate <TOKENS_PER_SECOND>")]
    [Description("Tokens per second of input audio for input_audio_seconds. The default value is the catalog's (10).")]
    public decimal? AudioInRate { get; init; }

    [CommandOption("--audio-out-rate <TOKENS_PER_SECOND>")]
    [Description("Tokens per second of output audio for output_audio_seconds. The default value is the catalog's (20).")]
    public decimal? AudioOutRate { get; init; }

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Trace))
        {
            return ValidationResult.Error("a trace file is required, e.g. data/traces/voice-support-day.csv");
        }

        foreach (var (name, rate) in new[] { ("--audio-in-rate", AudioInRate), ("--audio-out-rate", AudioOutRate) })
        {
            if (rate is { } r && !AudioTokenRate.TryFromTokensPerSecond(r, out _, out string? error))
            {
                return ValidationResult.Error($"{name} {error}, got {r}");
            }
        }

        return base.Validate();
    }

    /// <summary>The name standard input goes by in messages (a "-" argument is read as this).</summary>
    public const string StandardInputName = "<stdin>";

    /// <summary>Opens the trace: the file, or standard input for <c>-</c>.</summary>
    public TraceReader OpenReader(CliEnvironment environment, ModelCatalog catalog, TraceOptions options, TraceRejections rejections)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return Trace == StandardInputName
            ? TraceReader.Open(environment.StandardInput(), StandardInputName, catalog, options, rejections)
            : TraceReader.Open(Trace, catalog, options, rejections);
    }

    /// <summary>The reader options these settings ask for.</summary>
    public TraceOptions ToTraceOptions(ModelCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        AudioTokenRates? rates = null;
        if (AudioInRate is not null || AudioOutRate is not null)
        {
            var baseRates = catalog.AudioTokenRates;
            rates = baseRates with
            {
                Input = AudioInRate is { } i ? AudioTokenRate.FromTokensPerSecond(i) : baseRates.Input,
                Output = AudioOutRate is { } o ? AudioTokenRate.FromTokensPerSecond(o) : baseRates.Output,
                Source = baseRates.Source with { IsAssumption = true, Note = "overridden on the command line" },
            };
        }

        return new TraceOptions { SkipInvalid = SkipInvalid, AudioTokenRates = rates, ModelOverride = ModelOverride, RequireRequests = true };
    }
}
