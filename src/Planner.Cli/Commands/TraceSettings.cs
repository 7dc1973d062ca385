using System.ComponentModel;
using Planner.Core.Catalog;
using Planner.Core.Traces;
using Planner.Contract.Queries;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Planner.Cli.Commands;

/// <summary>Options every trace-reading command shares.</summary>
public class TraceSettings : CatalogSettings
{
    [CommandArgument(0, "<TRACE>")]
    [Description("The trace or usage file (Planner's CSV, an OpenAI usage CSV, a response log, Realtime events or Usage API pages: docs/usage-formats.md), or - for standard input (its format detected the same way).")]
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

    /// <summary>The file argument only: every field is checked by the command's query (<see cref="TraceQuery.Validate"/>) in Execute.</summary>
    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Trace) ? ValidationResult.Error("a trace file is required, e.g. data/traces/voice-support-day.csv") : base.Validate();

    /// <summary><paramref name="query"/> with this command line's trace-reading fields.</summary>
    protected T WithTrace<T>(T query)
        where T : TraceQuery
    {
        ArgumentNullException.ThrowIfNull(query);
        TraceQuery trace = query;
        return (T)(trace with
        {
            SkipInvalid = SkipInvalid,
            ModelOverride = ModelOverride,
            AudioInRate = AudioInRate,
            AudioOutRate = AudioOutRate,
            Format = Format,
            UsageInputTokens = UsageInputTokens,
            Spread = Spread,
            SpreadSeed = SpreadSeed,
        });
    }

    /// <summary>The name standard input goes by in messages (a "-" argument is read as this).</summary>
    public const string StandardInputName = "<stdin>";

    /// <summary>Opens the trace: the file, or standard input for <c>-</c>; either is detected from its content (the format
    /// option forces one).</summary>
    public IUsageSource OpenReader(CliEnvironment environment, ModelCatalog catalog, TraceOptions options, TraceRejections rejections)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return Trace == StandardInputName
            ? Planner.Core.Ingest.UsageFormats.Open(environment.StandardInput(), StandardInputName, catalog, options, rejections)
            : Planner.Core.Ingest.UsageFormats.Open(Trace, catalog, options, rejections);
    }
}
