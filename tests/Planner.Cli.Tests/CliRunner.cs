using System.Text.Json;
using Planner.Cli;

namespace Planner.Cli.Tests;

/// <summary>Runs the calculator in-process with captured output and a fixed clock.</summary>
public static class CliRunner
{
    /// <summary>The fixed "now" of every test run: 2026-01-15T12:00:00Z.</summary>
    public static readonly DateTimeOffset Now = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The bundled data folder, as copied beside the test binaries.</summary>
    public static string DataDirectory => Path.Combine(AppContext.BaseDirectory, "data");

    public static CliResult Run(params string[] args) => RunAtWidth(null, args);

    /// <summary>Runs with the output console laid out for <paramref name="width"/> columns (null: the redirected width).</summary>
    public static CliResult RunAtWidth(int? width, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var environment = new CliEnvironment(output, error, () => Now, DataDirectory, width: width);
        int exit = PlannerApp.Run(args, environment);
        return new CliResult(exit, output.ToString(), error.ToString());
    }
}

/// <summary>What one run printed and returned.</summary>
public sealed record CliResult(int ExitCode, string Output, string Error)
{
    /// <summary>The output parsed as JSON (the caller disposes).</summary>
    public JsonDocument Json() => JsonDocument.Parse(Output);
}
