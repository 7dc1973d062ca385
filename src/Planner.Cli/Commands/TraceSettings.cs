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
    [Description("The trace or usage file (Planner's CSV, an OpenAI usage CSV, a response log, Realtime events or Usage API pages: docs/usage-formats.md), or - for a CSV trace on standard input.")]
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

    [CommandOption("--format <FORMAT>")]
    [Description("Read the file as this format instead of detecting it: planner-csv, openai-csv, response-log, realtime-events, usage-pages.")]
    public string? Format { get; init; }

    [CommandOption("--usage-input-tokens <DEFINITION>")]
    [Description("What a Usage API input_tokens counts: text (older spec: text only) or all (newer: every modality). The default is detected from the numbers, else all, stated in the output.")]
    public string? UsageInputTokens { get; init; }

    [CommandOption("--spread <RULE>")]
    [Description("How a usage bucket's requests are placed in time for a simulation: even or poisson. The default value is even.")]
    public string? Spread { get; init; }

    [CommandOption("--spread-seed <SEED>")]
    [Description("The seed of --spread poisson. The default value is 1.")]
    public int SpreadSeed { get; init; } = 1;

    public override ValidationResult Validate()
    {
        var problems = new List<string>();
        if (Format is { } format && !Planner.Core.Ingest.UsageFormats.All.Any(f => f.Key == format))
        {
            problems.Add($"--format must be one of {Planner.Core.Ingest.UsageFormats.Keys}, got '{format}'");
        }

        if (UsageInputTokens is { } definition && definition is not ("text" or "all"))
        {
            problems.Add($"--usage-input-tokens must be text or all, got '{definition}'");
        }

        if (Spread is { } spread && spread is not ("even" or "poisson"))
        {
            problems.Add($"--spread must be even or poisson, got '{spread}'");
        }

        if (problems.Count > 0)
        {
            return ValidationResult.Error(string.Join("; ", problems));
        }

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
    public IUsageSource OpenReader(CliEnvironment environment, ModelCatalog catalog, TraceOptions options, TraceRejections rejections)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return Trace == StandardInputName
            ? CsvTraceSource.Wrap(TraceReader.Open(environment.StandardInput(), StandardInputName, catalog, options, rejections))
            : Planner.Core.Ingest.UsageFormats.Open(Trace, catalog, options, rejections);
    }

    /// <summary>The reader options these settings ask for.</summary>
    public TraceOptions ToTraceOptions(ModelCatalog catalog, bool forSimulation = false, DateTimeOffset? today = null)
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

        return new TraceOptions
        {
            SkipInvalid = SkipInvalid,
            AudioTokenRates = rates,
            ModelOverride = ModelOverride,
            RequireRequests = true,
            Format = Format,
            InputTokens = UsageInputTokens switch
            {
                "text" => Planner.Core.Ingest.InputTokensDefinition.TextOnly,
                "all" => Planner.Core.Ingest.InputTokensDefinition.AllModalities,
                _ => null,
            },
            ForSimulation = forSimulation,
            Spread = Spread == "poisson" ? Planner.Core.Ingest.BucketSpread.Poisson : Planner.Core.Ingest.BucketSpread.Even,
            SpreadSeed = SpreadSeed,
            UntimedOrigin = today is { } t ? new DateTimeOffset(t.UtcDateTime.Date, TimeSpan.Zero) : null,
        };
    }
}
