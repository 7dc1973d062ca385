using System.Diagnostics;

namespace Planner.Cli.Tests;

/// <summary>Start-up (issue 13.1) without asserting a time: an ordinary command loads neither the web server, nor
/// DuckDB, nor OpenApi, nor the regular-expression engine. Each case runs the real planner binary (built beside the
/// tests) in a child process, with <see cref="StartupHook"/> listing the assemblies it loaded.</summary>
public class StartupCostTests
{
    private static readonly string[] Heavy = ["Planner.Web", "Planner.DuckDb", "DuckDB.NET", "Microsoft.AspNetCore", "Microsoft.OpenApi", "Microsoft.Extensions", "System.Text.RegularExpressions"];

    private static string Trace => Path.Combine(CliRunner.DataDirectory, "traces", "voice-support-day.csv");

    [Theory]
    [InlineData("cost", "--model", "gpt-audio-mini", "--audio-in", "1000")]
    [InlineData("cost", "--model", "gpt-audio-mini", "--audio-in", "1000", "--json")]
    [InlineData("models")]
    [InlineData("limits", "--model", "gpt-audio-mini")]
    public void OrdinaryCommand_LoadsNoWebDuckDbOrRegex(params string[] args)
    {
        var loaded = LoadedAssemblies(args);

        loaded.Should().Contain(["planner", "Planner.Core", "Spectre.Console.Cli"], "the hook saw the command run");
        loaded.Where(name => Heavy.Any(heavy => name.StartsWith(heavy, StringComparison.Ordinal))).Should().BeEmpty();
    }

    [Theory]
    [InlineData("price")]
    [InlineData("simulate", "--tier", "5")]
    [InlineData("recommend")]
    public void TraceCommand_LoadsNoWebOrDuckDb(string command, params string[] options)
    {
        var loaded = LoadedAssemblies([command, Trace, .. options]);

        loaded.Should().Contain("Planner.Core");
        loaded.Where(name => Heavy.Any(heavy => name.StartsWith(heavy, StringComparison.Ordinal))).Should().BeEmpty();
    }

    [Fact]
    public void UnknownOption_StillSuggestsWithoutTheWeb()
    {
        // The "did you mean" path reads every command's options by reflection: it too stays out of the web.
        var loaded = LoadedAssemblies(["cost", "--modle", "gpt-audio-mini"], expectedExit: 2);

        loaded.Where(name => name.StartsWith("Planner.Web", StringComparison.Ordinal) || name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)).Should().BeEmpty();
    }

    private static List<string> LoadedAssemblies(string[] args, int expectedExit = 0)
    {
        string list = Path.Combine(Path.GetTempPath(), $"planner-loaded-{Guid.NewGuid():N}.txt");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "planner.dll"));
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_STARTUP_HOOKS"] = typeof(StartupHook).Assembly.Location;
        start.Environment["PLANNER_LOADED_ASSEMBLIES"] = list;
        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            string error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            _ = output.Result;
            process.ExitCode.Should().Be(expectedExit, error);
            return [.. File.ReadAllLines(list)];
        }
        finally
        {
            File.Delete(list);
        }
    }
}
