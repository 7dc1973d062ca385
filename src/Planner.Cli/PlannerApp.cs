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
    public static string Version { get; } =
        typeof(PlannerApp).Assembly.GetCustomAttribute<System.Reflection.AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

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
        var app = new CommandApp(registrar);
        app.Configure(config =>
        {
            config.SetApplicationName("planner");
            config.SetApplicationVersion(Version);
            config.ConfigureConsole(environment.Console);
            config.PropagateExceptions();
            config.UseStrictParsing();
            config.SetHelpProvider(new PlannerHelpProvider(config.Settings));
            Configure(config);
        });

        try
        {
            if (ArgumentCheck.MissingValue(args) is { } missing)
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

    /// <summary>The commands, for "did you mean" (kept with <see cref="Configure"/>; a test checks they agree).</summary>
    internal static readonly string[] CommandNames =
        ["cost", "models", "limits", "capacity", "compare", "diff", "verify", "project", "conversation", "price", "simulate", "recommend", "generate-trace", "serve"];

    private static void Configure(IConfigurator config)
    {
        config.AddCommand<CostCommand>("cost")
            .WithDescription("The exact cost of K requests of one shape, per meter and in total.")
            .WithExample("cost", "--model", "gpt-audio-mini", "--audio-in-seconds", "120", "--audio-out-seconds", "60")
            .WithExample("cost", "--model", "gpt-audio", "--text-in", "500", "--audio-in", "1200", "--audio-out", "2400", "--requests", "50000", "--json");
        config.AddCommand<ModelsCommand>("models")
            .WithDescription("Every model with its prices (USD per 1M tokens), caps, snapshots and aliases.")
            .WithExample("models")
            .WithExample("models", "--json");
        config.AddCommand<LimitsCommand>("limits")
            .WithDescription("A model's usage tiers: RPM, TPM, monthly usage limit and qualification.")
            .WithExample("limits", "--model", "gpt-audio-mini");
        config.AddCommand<CapacityCommand>("capacity")
            .WithDescription("How many requests of one shape a minute a tier sustains, the audio that carries, and its cost per hour.")
            .WithExample("capacity", "--model", "gpt-audio-mini", "--tier", "1", "--audio-in-seconds", "30", "--audio-out-seconds", "15")
            .WithExample("capacity", "--model", "gpt-audio-mini", "--tier", "2", "--audio-in-seconds", "30", "--audio-out-seconds", "15", "--max-tokens", "4096", "--json");
        config.AddCommand<CompareCommand>("compare")
            .WithDescription("The same request on several models side by side, with ratios to the first.")
            .WithExample("compare", "--models", "gpt-audio,gpt-audio-mini", "--audio-in-seconds", "120", "--audio-out-seconds", "60");
        config.AddCommand<DiffCommand>("diff")
            .WithDescription("Every difference between two catalogs and each workload's exact cost under both; thresholds for CI.")
            .WithExample("diff", "--base", "main-catalog.json", "--head", "data/catalog.json", "--format", "markdown")
            .WithExample("diff", "--base", "main-catalog.json", "--head", "data/catalog.json", "--workload", "traces/day.csv", "--fail-above", "5", "--fail-below", "20");
        config.AddCommand<CrosscheckCommand>("crosscheck")
            .WithDescription("Planner's catalog against LiteLLM's and genai-prices' data files: every price, context window and output cap that disagrees.")
            .WithExample("crosscheck", "--litellm", "model_prices_and_context_window.json", "--genai-prices", "data.json");
        config.AddCommand<VerifyCommand>("verify")
            .WithDescription("Validates a catalog (every error at once) and checks it against its golden snapshot in golden/.")
            .WithExample("verify")
            .WithExample("verify", "data/catalog.json", "--update-golden");
        config.AddCommand<ProjectCommand>("project")
            .WithDescription("Monthly cost over a horizon as a distribution (mean, P10-P99), from a trace or a few numbers, with growth, budget and tier.")
            .WithExample("project", "--model", "gpt-audio-mini", "--requests-per-day", "1000", "--audio-in-seconds", "120", "--audio-out-seconds", "60", "--months", "3", "--growth", "10")
            .WithExample("project", "--model", "gpt-audio", "--requests-per-day", "1000", "--requests-per-day-sd", "150", "--audio-in-seconds", "120", "--audio-out-seconds", "60", "--compare-models", "gpt-audio,gpt-audio-mini", "--budget", "3000")
            .WithExample("project", "--trace", "trace.csv", "--months", "6", "--growth", "5", "--chart", "fan.png", "--csv", "projection.csv");
        config.AddCommand<CallCommand>("call")
            .WithDescription("One voice call costed turn by turn on Chat Completions or Realtime: resent history, cached input, truncation, cost per minute.")
            .WithExample("call", "--model", "gpt-realtime-2.1-mini", "--turns", "8", "--user-audio-seconds", "10", "--assistant-audio-seconds", "20", "--system-text-tokens", "500")
            .WithExample("call", "--model", "gpt-audio-mini", "--minutes", "4", "--user-audio-seconds", "10", "--assistant-audio-seconds", "20", "--json");
        config.AddCommand<MigrateCommand>("migrate")
            .WithDescription("A workload's cost per month on its model and after moving to each candidate, the change, the tier each needs, and the date to move by.")
            .WithExample("migrate", "--from", "gpt-audio-mini", "--calls-per-day", "20000", "--minutes", "4", "--user-audio-seconds", "10", "--assistant-audio-seconds", "20", "--months", "3")
            .WithExample("migrate", "--trace", "trace.csv", "--to", "gpt-audio-1.5,gpt-realtime-2.1-mini", "--start", "2027-01-01");
        config.AddCommand<ConversationCommand>("conversation")
            .WithDescription("A multi-turn voice conversation costed turn by turn, every turn resending the whole history.")
            .WithExample("conversation", "--model", "gpt-audio-mini", "--turns", "3", "--user-audio-seconds", "10", "--assistant-audio-seconds", "5");
        config.AddCommand<PriceCommand>("price")
            .WithDescription("The exact cost of a trace or usage file: by model, meter, hour and day, and extrapolated to a 30-day month.")
            .WithExample("price", "data/traces/voice-support-day.csv")
            .WithExample("price", "trace.csv", "--skip-invalid", "--json")
            .WithExample("price", "--engine", "duckdb", "logs/2026-*.parquet");
        config.AddCommand<SqlCommand>("sql")
            .WithDescription("A self-contained SQL query that prices a usage table exactly in a warehouse (duckdb, spark, bigquery, snowflake, postgres).")
            .WithExample("sql", "--dialect", "bigquery", "--table", "billing.openai_usage", "--columns", "openai-usage")
            .WithExample("sql", "--dialect", "spark", "--table", "logs.requests");
        config.AddCommand<ReconcileCommand>("reconcile")
            .WithDescription("Usage priced per day, model and meter beside what OpenAI billed (Costs API); exit 1 past the tolerance.")
            .WithExample("reconcile", "--usage", "usage/", "--costs", "costs/", "--tolerance", "0.01")
            .WithExample("reconcile", "--usage", "usage.json", "--costs", "costs.json", "--format", "markdown");
        config.AddCommand<CalibrateCommand>("calibrate")
            .WithDescription("Measures audio tokens per second, the cache-hit share and max_tokens use from a response log or Realtime events.")
            .WithExample("calibrate", "responses.jsonl")
            .WithExample("calibrate", "realtime-events.jsonl", "--json");
        config.AddCommand<SimulateCommand>("simulate")
            .WithDescription("Replay a trace against a tier's RPM and TPM limits: queue delays or 429s and retries, throughput, concurrency.")
            .WithExample("simulate", "data/traces/voice-support-day.csv", "--tier", "1")
            .WithExample("simulate", "trace.csv", "--tier", "2", "--on-limit", "retry", "--seed", "7", "--json");
        config.AddCommand<RecommendCommand>("recommend")
            .WithDescription("Simulate every tier and recommend the lowest that meets the objectives.")
            .WithExample("recommend", "data/traces/voice-support-day.csv")
            .WithExample("recommend", "trace.csv", "--on-limit", "retry", "--max-throttle-rate", "0.005", "--json");
        config.AddCommand<ServeCommand>("serve")
            .WithDescription("The web calculator for product managers: cost, calls, projection, your usage and the catalog, with an HTTP API, on this machine until Ctrl+C.")
            .WithExample("serve")
            .WithExample("serve", "--port", "8080", "--max-upload-mb", "1024");
        config.AddCommand<GenerateTraceCommand>("generate-trace")
            .WithDescription("Write a synthetic trace (diurnal Poisson arrivals, skewed token counts), the same for the same seed.")
            .WithExample("generate-trace", "--rows", "1000000", "--seed", "42", "--out", "trace.csv");
    }

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
