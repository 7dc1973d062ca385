using Planner.Cli.Commands;
using Planner.Cli.Infrastructure;
using Planner.Core;
using Spectre.Console.Cli;

namespace Planner.Cli;

/// <summary>The <c>planner</c> calculator: commands registered here, errors mapped to exit codes.</summary>
public static class PlannerApp
{
    /// <summary>Runs the calculator; never throws, never prints a stack trace.</summary>
    public static int Run(string[] args, CliEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var registrar = new TypeRegistrar();
        registrar.RegisterInstance(typeof(CliEnvironment), environment);
        var app = new CommandApp(registrar);
        app.Configure(config =>
        {
            config.SetApplicationName("planner");
            config.ConfigureConsole(environment.Console);
            config.PropagateExceptions();
            config.UseStrictParsing();
            Configure(config);
        });

        try
        {
            return app.Run(args);
        }
        catch (PlannerException e)
        {
            return Fail(environment, e.Message, ExitCodes.InvalidInput);
        }
        catch (CommandAppException e)
        {
            return Fail(environment, e.Message, ExitCodes.InvalidInput);
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

    private static void Configure(IConfigurator config)
    {
        config.AddCommand<CostCommand>("cost")
            .WithDescription("The exact cost of K requests of one shape, per meter and in total.")
            .WithExample("cost", "--model", "gpt-audio-mini", "--audio-in-seconds", "120", "--audio-out-seconds", "60")
            .WithExample("cost", "--model", "gpt-audio", "--text-in", "500", "--audio-in", "1200", "--audio-out", "2400", "--requests", "50000", "--json");
        config.AddCommand<PriceCommand>("price")
            .WithDescription("The exact cost of a CSV trace: by model, meter, hour and day, and extrapolated to a 30-day month.")
            .WithExample("price", "data/traces/voice-support-day.csv")
            .WithExample("price", "trace.csv", "--skip-invalid", "--json");
        config.AddCommand<SimulateCommand>("simulate")
            .WithDescription("Replay a trace against a tier's RPM and TPM limits: queue delays or 429s and retries, throughput, concurrency.")
            .WithExample("simulate", "data/traces/voice-support-day.csv", "--tier", "1")
            .WithExample("simulate", "trace.csv", "--tier", "2", "--on-limit", "retry", "--seed", "7", "--json");
        config.AddCommand<RecommendCommand>("recommend")
            .WithDescription("Simulate every tier and recommend the lowest that meets the objectives.")
            .WithExample("recommend", "data/traces/voice-support-day.csv")
            .WithExample("recommend", "trace.csv", "--on-limit", "retry", "--max-throttle-rate", "0.005", "--json");
        config.AddCommand<GenerateTraceCommand>("generate-trace")
            .WithDescription("Write a synthetic trace (diurnal Poisson arrivals, skewed token counts), the same for the same seed.")
            .WithExample("generate-trace", "--rows", "1000000", "--seed", "42", "--out", "trace.csv");
    }

    private static int Fail(CliEnvironment environment, string message, int code)
    {
        environment.Error.WriteLine("planner: " + message.Trim());
        environment.Error.Flush();
        return code;
    }
}
