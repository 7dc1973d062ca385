using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Planner.Cli.Commands;
using Planner.Cli.Infrastructure;
using Planner.Core;
using Spectre.Console.Cli;

namespace Planner.Cli;

/// <summary>The <c>planner</c> calculator: commands registered here, errors mapped to exit codes.</summary>
public static class PlannerApp
{
    /// <summary>The calculator's version ("0.1.0+commit"), from its own assembly, not the host's.</summary>
    public static string Version => _version ??=
        typeof(PlannerApp).Assembly.GetCustomAttribute<System.Reflection.AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    // Read on first use, not in the type initializer: a command that is named never needs it.
    private static string? _version;

    /// <summary>True for exactly <c>--version</c> or <c>-v</c>, which print <see cref="Version"/> as the command line would.</summary>
    public static bool IsVersionRequest(string[] args) => args is ["--version"] or ["-v"];

    /// <summary>Runs the calculator; never throws, never prints a stack trace.</summary>
    public static int Run(string[] args, CliEnvironment environment) => Run(args, environment, null);

    /// <summary>Runs the calculator with extra services registered (tests replace e.g. the <see cref="WorkloadOpener"/>).</summary>
    internal static int Run(string[] args, CliEnvironment environment, Action<ITypeRegistrar>? register)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var registrar = new TypeRegistrar();
        registrar.RegisterInstance(typeof(CliEnvironment), environment);
        register?.Invoke(registrar);
        var named = Named(args);
        var app = NewApp(registrar);
        app.Configure(config =>
        {
            config.SetApplicationName("planner");
            if (named is null)
            {
                // Spectre prints the version for a first argument -v/--version and lists the option in the root help
                // only; reading it (an attribute, by reflection) is skipped when a command is named.
                config.SetApplicationVersion(Version);
            }
            config.ConfigureConsole(environment.Console);
            config.PropagateExceptions();
            config.UseStrictParsing();
            config.SetHelpProvider(new PlannerHelpProvider(config.Settings));
            // Start-up (issue 13.1): Spectre builds its model (reflection over every option of every settings type) for
            // each registered command before parsing; a run that names its command needs that command's only. Help,
            // a typo and an option first still see them all.
            if (named is not null)
            {
                named.AddTo(config);
            }
            else
            {
                foreach (var command in Commands)
                {
                    command.AddTo(config);
                }
            }
        });

        try
        {
            if (ArgumentCheck.MissingValue(args, named?.Settings) is { } missing)
            {
                return Fail(environment, missing, ExitCodes.InvalidInput);
            }

            // Spectre reads a bare "-" as an option without a name; it means standard input (price - < trace.csv).
            return app.Run(args.Select(a => a == "-" ? TraceSettings.StandardInputName : a));
        }
        catch (PlannerException e)
        {
            // A refusal of one field names it by its snake_case name; the CLI user reads the flag.
            string message = e.Field is { } field ? FieldFlags.Message(new Planner.Contract.FieldError(field, e.Message)) : e.Message;
            return Fail(environment, message, ExitCodes.InvalidInput);
        }
        catch (CommandAppException e)
        {
            return Fail(environment, ArgumentCheck.Suggest(e.Message, CommandNames, args) ?? ArgumentCheck.Explain(e.Message, args), ExitCodes.InvalidInput);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(environment, e.Message, ExitCodes.InvalidInput);
        }
#pragma warning disable CA1031 // The shell's last line of defence: one line, a documented code, no stack trace.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return Fail(environment, $"internal error ({e.GetType().Name}): {e.Message}", ExitCodes.InternalError);
        }
    }

    /// <summary>The commands, for "did you mean": the names of <see cref="Commands"/>, so a new command is suggested too.</summary>
    internal static IEnumerable<string> CommandNames => Commands.Select(c => c.Name);

    /// <summary>Every command, in the order <c>planner --help</c> lists them. Add a row for a new command.</summary>
    internal static IReadOnlyList<CommandRegistration> Commands => _commands ??= CommandTable();

    private static CommandRegistration[]? _commands;

    /// <summary>The command a run names first (<c>planner cost ...</c>), or null (help, a typo, an option first).</summary>
    internal static CommandRegistration? Named(IReadOnlyList<string> args)
    {
        if (args.Count == 0)
        {
            return null;
        }

        foreach (var command in Commands)
        {
            if (string.Equals(command.Name, args[0], StringComparison.Ordinal))
            {
                return command;
            }
        }

        return null;
    }

    private static CommandRegistration[] CommandTable() =>
    [
        CommandRegistration.Of<CostCommand, CostCommand.Settings>("cost", "The exact cost of K requests of one shape, per meter and in total.",
            ["cost", "--model", "gpt-audio-mini", "--audio-in-seconds", "120", "--audio-out-seconds", "60"],
            ["cost", "--model", "gpt-audio", "--text-in", "500", "--audio-in", "1200", "--audio-out", "2400", "--requests", "50000", "--json"]),
        CommandRegistration.Of<ModelsCommand, ModelsCommand.Settings>("models", "Every model with its prices (USD per 1M tokens), caps, snapshots and aliases.",
            ["models"],
            ["models", "--json"]),
        CommandRegistration.Of<LimitsCommand, ModelSettings>("limits", "A model's usage tiers: RPM, TPM, monthly usage limit and qualification.",
            ["limits", "--model", "gpt-audio-mini"]),
        CommandRegistration.Of<CapacityCommand, CapacityCommand.Settings>("capacity", "How many requests of one shape a minute a tier sustains, the audio that carries, and its cost per hour.",
            ["capacity", "--model", "gpt-audio-mini", "--tier", "1", "--audio-in-seconds", "30", "--audio-out-seconds", "15"],
            ["capacity", "--model", "gpt-audio-mini", "--tier", "2", "--audio-in-seconds", "30", "--audio-out-seconds", "15", "--max-tokens", "4096", "--json"]),
        CommandRegistration.Of<CompareCommand, CompareCommand.Settings>("compare", "The same request on several models side by side, with ratios to the first.",
            ["compare", "--models", "gpt-audio,gpt-audio-mini", "--audio-in-seconds", "120", "--audio-out-seconds", "60"]),
        CommandRegistration.Of<DiffCommand, DiffCommand.Settings>("diff", "Every difference between two catalogs and each workload's exact cost under both; thresholds for CI.",
            ["diff", "--base", "main-catalog.json", "--head", "data/catalog.json", "--format", "markdown"],
            ["diff", "--base", "main-catalog.json", "--head", "data/catalog.json", "--workload", "traces/day.csv", "--fail-above", "5", "--fail-below", "20"]),
        CommandRegistration.Of<CrosscheckCommand, CrosscheckCommand.Settings>("crosscheck", "Planner's catalog against LiteLLM's and genai-prices' data files: every price, context window and output cap that disagrees.",
            ["crosscheck", "--litellm", "model_prices_and_context_window.json", "--genai-prices", "data.json"]),
        CommandRegistration.Of<VerifyCommand, VerifyCommand.Settings>("verify", "Validates a catalog (every error at once) and checks it against its golden snapshot in golden/.",
            ["verify"],
            ["verify", "data/catalog.json", "--update-golden"]),
        CommandRegistration.Of<ProjectCommand, ProjectCommand.Settings>("project", "Monthly cost over a horizon as a distribution (mean, P10-P99), from a trace or a few numbers, with growth, budget and tier.",
            ["project", "--model", "gpt-audio-mini", "--requests-per-day", "1000", "--audio-in-seconds", "120", "--audio-out-seconds", "60", "--months", "3", "--growth", "10"],
            ["project", "--model", "gpt-audio", "--requests-per-day", "1000", "--requests-per-day-sd", "150", "--audio-in-seconds", "120", "--audio-out-seconds", "60", "--compare-models", "gpt-audio,gpt-audio-mini", "--budget", "3000"],
            ["project", "--trace", "trace.csv", "--months", "6", "--growth", "5", "--chart", "fan.png", "--csv", "projection.csv"]),
        CommandRegistration.Of<CallCommand, CallCommand.Settings>("call", "One voice call costed turn by turn on Chat Completions or Realtime: resent history, cached input, truncation, cost per minute.",
            ["call", "--model", "gpt-realtime-2.1-mini", "--turns", "8", "--user-audio-seconds", "10", "--assistant-audio-seconds", "20", "--system-text-tokens", "500"],
            ["call", "--model", "gpt-audio-mini", "--minutes", "4", "--user-audio-seconds", "10", "--assistant-audio-seconds", "20", "--json"]),
        CommandRegistration.Of<MigrateCommand, MigrateCommand.Settings>("migrate", "A workload's cost per month on its model and after moving to each candidate, the change, the tier each needs, and the date to move by.",
            ["migrate", "--from", "gpt-audio-mini", "--calls-per-day", "20000", "--minutes", "4", "--user-audio-seconds", "10", "--assistant-audio-seconds", "20", "--months", "3"],
            ["migrate", "--trace", "trace.csv", "--to", "gpt-audio-1.5,gpt-realtime-2.1-mini", "--start", "2027-01-01"]),
        CommandRegistration.Of<ConversationCommand, ConversationCommand.Settings>("conversation", "A multi-turn voice conversation costed turn by turn, every turn resending the whole history.",
            ["conversation", "--model", "gpt-audio-mini", "--turns", "3", "--user-audio-seconds", "10", "--assistant-audio-seconds", "5"]),
        CommandRegistration.Of<PriceCommand, PriceCommand.Settings>("price", "The exact cost of a trace or usage file: by model, meter, hour and day, and extrapolated to a 30-day month.",
            ["price", "data/traces/voice-support-day.csv"],
            ["price", "trace.csv", "--skip-invalid", "--json"],
            ["price", "--engine", "duckdb", "logs/2026-*.parquet"]),
        CommandRegistration.Of<SqlCommand, SqlCommand.Settings>("sql", "A self-contained SQL query that prices a usage table exactly in a warehouse (duckdb, spark, bigquery, snowflake, postgres).",
            ["sql", "--dialect", "bigquery", "--table", "billing.openai_usage", "--columns", "openai-usage"],
            ["sql", "--dialect", "spark", "--table", "logs.requests"]),
        CommandRegistration.Of<ReconcileCommand, ReconcileCommand.Settings>("reconcile", "Usage priced per day, model and meter beside what OpenAI billed (Costs API); exit 1 past the tolerance.",
            ["reconcile", "--usage", "usage/", "--costs", "costs/", "--tolerance", "0.01"],
            ["reconcile", "--usage", "usage.json", "--costs", "costs.json", "--format", "markdown"]),
        CommandRegistration.Of<CalibrateCommand, CalibrateCommand.Settings>("calibrate", "Measures audio tokens per second, the cache-hit share and max_tokens use from a response log or Realtime events.",
            ["calibrate", "responses.jsonl"],
            ["calibrate", "realtime-events.jsonl", "--json"]),
        CommandRegistration.Of<SimulateCommand, SimulateCommand.Settings>("simulate", "Replay a trace against a tier's RPM and TPM limits: queue delays or 429s and retries, throughput, concurrency.",
            ["simulate", "data/traces/voice-support-day.csv", "--tier", "1"],
            ["simulate", "trace.csv", "--tier", "2", "--on-limit", "retry", "--seed", "7", "--json"]),
        CommandRegistration.Of<RecommendCommand, RecommendCommand.Settings>("recommend", "Simulate every tier and recommend the lowest that meets the objectives.",
            ["recommend", "data/traces/voice-support-day.csv"],
            ["recommend", "trace.csv", "--on-limit", "retry", "--max-throttle-rate", "0.005", "--json"]),
        CommandRegistration.Of<ServeCommand, ServeCommand.Settings>("serve", "The web calculator for product managers: cost, calls, projection, your usage and the catalog, with an HTTP API, on this machine until Ctrl+C.",
            ["serve"],
            ["serve", "--port", "8080", "--max-upload-mb", "1024"]),
        CommandRegistration.Of<GenerateTraceCommand, GenerateTraceCommand.Settings>("generate-trace", "Write a synthetic trace (diurnal Poisson arrivals, skewed token counts), the same for the same seed.",
            ["generate-trace", "--rows", "1000000", "--seed", "42", "--out", "trace.csv"]),
    ];

    /// <summary>Spectre's app, which binds settings by reflection (its constructor is RequiresDynamicCode).</summary>
    [UnconditionalSuppressMessage("AotAnalysis", "IL3050:RequiresDynamicCode",
        Justification = "A PublishAot build roots Spectre.Console.Cli and the app's assemblies for the trimmer (Planner.Cli.csproj), and scripts/publish-native.sh checks the native build's answers against the ordinary build's.")]
    private static CommandApp NewApp(ITypeRegistrar registrar) => new(registrar);

    private static int Fail(CliEnvironment environment, string message, int code)
    {
        // Messages are one line each; a multi-line list (every error of a catalog) keeps its lines, but no
        // line may carry raw control characters from the input.
        environment.Error.WriteLine("planner: " + OneLinePerLine(message.Trim()));
        environment.Error.Flush();
        return code;
    }

    private static string OneLinePerLine(string message)
    {
        var lines = message.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].TrimEnd('\r');
            lines[i] = line.Any(c => char.IsControl(c) && c != '\t') ? InputText.Shorten(line, Math.Max(line.Length, 1)) : line;
        }

        return string.Join(Environment.NewLine, lines);
    }
}
