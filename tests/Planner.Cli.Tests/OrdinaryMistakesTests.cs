namespace Planner.Cli.Tests;

/// <summary>Ordinary mistakes a user types: each is exit 2 with one clear line, never exit 70, in bounded memory.</summary>
public class OrdinaryMistakesTests
{
    private static string Trace => Path.Combine(CliRunner.DataDirectory, "traces", "voice-support-day.csv");

    [Theory]
    [InlineData(new[] { "cost", "--catalog", "", "--model", "gpt-audio-mini", "--text-in", "5" }, "planner: --catalog needs a value, got an empty one")]
    [InlineData(new[] { "cost", "--catalog=", "--model", "gpt-audio-mini", "--text-in", "5" }, "planner: --catalog needs a value, got an empty one")]
    [InlineData(new[] { "verify", "" }, "planner: argument 2 is empty; give a file name or value")]
    [InlineData(new[] { "price", "" }, "planner: argument 2 is empty; give a file name or value")]
    [InlineData(new[] { "project", "--trace", "" }, "planner: --trace needs a value, got an empty one")]
    [InlineData(new[] { "simulate", "x.csv", "--tier", "1", "--delays", "" }, "planner: --delays needs a value, got an empty one")]
    [InlineData(new[] { "project", "--model", "gpt-audio-mini", "--requests-per-day", "5", "--csv", "" }, "planner: --csv needs a value, got an empty one")]
    public void EmptyPath_ExitsTwoNamingTheOption(string[] args, string message)
    {
        var result = CliRunner.Run(args);

        result.ExitCode.Should().Be(2);
        result.Error.Should().Be(message + Environment.NewLine);
    }

    [Theory]
    [InlineData("price")]
    [InlineData("simulate")]
    public void Folder_GivenAsATrace_SaysItIsAFolder(string command)
    {
        string folder = Path.GetTempPath().TrimEnd(Path.DirectorySeparatorChar);

        var result = command == "price" ? CliRunner.Run("price", folder) : CliRunner.Run("simulate", folder, "--tier", "1");

        result.ExitCode.Should().Be(2);
        result.Error.Should().Be($"planner: '{folder}' is a folder, not a trace file{Environment.NewLine}");
    }

    [Fact]
    public void DevZero_AsATrace_ExitsTwoInBoundedMemory()
    {
        if (!File.Exists("/dev/zero"))
        {
            return;
        }

        var result = CliRunner.Run("price", "/dev/zero");

        result.ExitCode.Should().Be(2);
        result.Error.Should().Be("planner: /dev/zero:1: a record longer than 1,048,576 bytes without a line break; a trace row is one line of about a hundred bytes (is this a CSV trace?)" + Environment.NewLine);
    }

    [Fact]
    public void DevZero_AsACatalog_ExitsTwoInBoundedMemory()
    {
        if (!File.Exists("/dev/zero"))
        {
            return;
        }

        var result = CliRunner.Run("models", "--catalog", "/dev/zero");

        result.ExitCode.Should().Be(2);
        result.Error.Should().Be("planner: '/dev/zero': a catalog file is at most 16,777,216 bytes; this one is longer (is it the right file?)" + Environment.NewLine);
    }

    [Fact]
    public void ProjectFromATrace_ScaleZero_IsAllowedAndCostsNothing()
    {
        var result = CliRunner.Run("project", "--trace", Trace, "--scale", "0", "--runs", "200", "--json");

        result.ExitCode.Should().Be(0, result.Error);
        result.Error.Should().NotContain("internal error");
    }

    [Theory]
    // Two options near 2^63 overflowed a sum before any cap was checked; they are bounded where they are read.
    [InlineData("cost", "--model", "gpt-audio-mini", "--text-in", "9223372036854775000", "--audio-in", "9223372036854775000")]
    [InlineData("capacity", "--model", "gpt-audio-mini", "--tier", "1", "--text-in", "9223372036854775000", "--audio-in", "9223372036854775000")]
    [InlineData("compare", "--models", "gpt-audio,gpt-audio-mini", "--text-in", "9223372036854775000", "--audio-in", "9223372036854775000")]
    [InlineData("project", "--model", "gpt-audio-mini", "--requests-per-day", "1000", "--text-in", "9223372036854775000", "--audio-in", "9223372036854775000")]
    public void TokenOptionsNearTwoToTheSixtyThree_ExitTwoStatingTheRange(params string[] args)
    {
        var result = CliRunner.Run(args);

        result.ExitCode.Should().Be(2);
        // A command on the output contract reports every bad field at once (--audio-in after a "; ").
        result.Error.Should().StartWith("planner: --text-in must be a token count from 0 to 1,000,000,000 (what one request can carry), got 9223372036854775000");
        result.Error.Trim().Should().NotContain(Environment.NewLine, "the error is one line");
    }

    [Fact]
    public void Conversation_SystemTokensNearTwoToTheSixtyThree_ExitsTwo()
    {
        var result = CliRunner.Run("conversation", "--model", "gpt-audio-mini", "--turns", "3", "--user-audio-seconds", "10", "--assistant-audio-seconds", "5", "--system-text-tokens", "9223372036854775000");

        result.ExitCode.Should().Be(2);
        result.Error.Should().StartWith("planner: --system-text-tokens must be a token count from 0 to 1,000,000,000");
    }

    [Fact]
    public void AudioSecondsTimesALargeRate_ExitsTwoNotAnOverflow()
    {
        // 9 x 10^12 s at 2,147,483 tokens/s (the largest rate allowed) is ~1.9 x 10^19 tokens: past 2^63.
        var result = CliRunner.Run("cost", "--model", "gpt-audio-mini", "--audio-in-seconds", "9000000000000", "--audio-in-rate", "2147483");

        result.ExitCode.Should().Be(2);
        result.Error.Should().Be("planner: 9,000,000,000,000 s of audio at 2,147,483 tokens/s is more than the 1,000,000,000 tokens one request may carry" + Environment.NewLine);
    }

    [Theory]
    [InlineData("cost", "--model", "gpt-audio-mini")]
    [InlineData("capacity", "--model", "gpt-audio-mini", "--tier", "1")]
    [InlineData("compare", "--models", "gpt-audio,gpt-audio-mini")]
    [InlineData("cost", "--model", "gpt-audio-mini", "--text-in", "0", "--audio-in-seconds", "0")]
    public void RequestWithNoTokens_IsAnErrorNotAZeroDollarTable(params string[] args)
    {
        var result = CliRunner.Run(args);

        result.ExitCode.Should().Be(2);
        result.Output.Should().BeEmpty();
        result.Error.Should().StartWith("planner: the request has no tokens: give at least one of --text-in");
    }

    [Theory]
    [InlineData(new[] { "prise", "x.csv" }, "planner: unknown command 'prise'; did you mean price?")]
    [InlineData(new[] { "cost", "--modle", "gpt-audio" }, "planner: unknown option --modle; did you mean --model?")]
    [InlineData(new[] { "price", "x.csv", "--skip-invalud" }, "planner: unknown option --skip-invalud; did you mean --skip-invalid?")]
    [InlineData(new[] { "cost", "--zzzzzzzz", "1" }, "planner: unknown option --zzzzzzzz; see planner cost --help")]
    [InlineData(new[] { "call", "--calls-per-day", "5" }, "planner: --calls-per-day is an option of migrate, project, not of call; see planner call --help")]
    [InlineData(new[] { "capacity", "--calls-per-day", "5" }, "planner: --calls-per-day is an option of migrate, project, not of capacity; see planner capacity --help")]
    [InlineData(new[] { "sql", "--at", "2026-01-01" },
        "planner: --at is an option of call, capacity, compare, conversation, cost, crosscheck, migrate, models, project, not of sql; see planner sql --help")]
    [InlineData(new[] { "capacity", "--calls-per-minut", "5" }, "planner: unknown option --calls-per-minut; did you mean --calls-per-minute?")]
    public void UnknownNames_GetDidYouMean(string[] args, string message)
    {
        var result = CliRunner.Run(args);

        result.ExitCode.Should().Be(2);
        result.Error.Should().Be(message + Environment.NewLine);
    }

    [Fact]
    public void UnknownOption_OfAnotherCommand_IsNeverSuggestedBackAsTyped()
    {
        // limits has no --at; the nearest long option of limits is far from it, so no guess (never --at itself, nor -m).
        var result = CliRunner.Run("limits", "--model", "gpt-audio-mini", "--at", "2026-01-01");

        result.ExitCode.Should().Be(2);
        result.Error.Should().NotContain("did you mean --at").And.NotContain("-m?").And.Contain("not of limits");
    }

    [Fact]
    public void OptionsForDidYouMean_CoverEveryRegisteredCommand()
    {
        Planner.Cli.Infrastructure.ArgumentCheck.CommandsWithOptions.Should().Contain(PlannerApp.CommandNames);
    }

    [Fact]
    public void CommandNames_ForDidYouMean_AreTheRegisteredCommands()
    {
        foreach (string command in PlannerApp.CommandNames)
        {
            CliRunner.Run(command, "--help").ExitCode.Should().Be(0, command);
        }

        var help = CliRunner.Run("--help").Output;
        foreach (string command in PlannerApp.CommandNames)
        {
            help.Should().Contain("    " + command + " ");
        }
    }

    [Theory]
    [InlineData("crosschek", "crosscheck")]
    [InlineData("migrat", "migrate")]
    [InlineData("reconcle", "reconcile")]
    [InlineData("calibrat", "calibrate")]
    [InlineData("sq", "sql")]
    public void MistypedCommand_AddedAfterTheFirstRelease_IsSuggested(string typed, string meant)
    {
        var result = CliRunner.Run(typed);

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain(meant);
    }

    [Fact]
    public void SemicolonSeparatedTrace_IsRecognised()
    {
        string path = Path.Combine(Path.GetTempPath(), $"planner-semi-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "timestamp;model;input_text_tokens\n2026-01-15T09:00:00Z;gpt-audio-mini;10\n");
        try
        {
            var result = CliRunner.Run("price", path);

            result.ExitCode.Should().Be(2);
            result.Error.Should().Be($"planner: {path}:1: header: missing required column 'timestamp'; the header seems separated by semicolons, not commas: a trace is comma-separated (docs/trace-format.md); the header is 'timestamp;model;input_text_tokens'{Environment.NewLine}");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void WideHeaderWithoutTimestamp_MessageStaysOneShortLine()
    {
        string path = Path.Combine(Path.GetTempPath(), $"planner-wide-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, string.Join(',', Enumerable.Range(0, 5000).Select(i => $"column_{i}")) + "\n1\n");
        try
        {
            var result = CliRunner.Run("price", path);

            result.ExitCode.Should().Be(2);
            result.Error.TrimEnd().Should().NotContain("\n").And.EndWith("'column_10', 'column_11' and 4,988 more");
            result.Error.Length.Should().BeLessThan(500);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Price_Dash_ReadsTheTraceFromStandardInput()
    {
        string csv = "timestamp,model,input_text_tokens\n2026-01-15T09:00:00Z,gpt-audio-mini,1000\n";
        var output = new StringWriter();
        var error = new StringWriter();
        var environment = new CliEnvironment(output, error, () => CliRunner.Now, CliRunner.DataDirectory,
            standardInput: () => new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv)));

        int exit = PlannerApp.Run(["price", "-", "--json"], environment);

        exit.Should().Be(0, error.ToString());
        using var json = System.Text.Json.JsonDocument.Parse(output.ToString());
        json.RootElement.GetProperty("trace").GetString().Should().Be("<stdin>");
        // gpt-audio-mini text input: $0.60 per 1M tokens.
        json.RootElement.GetProperty("total_usd").GetDecimal().Should().Be(1_000 * 0.60m / 1_000_000);
    }

    /// <summary>Runs planner with <paramref name="input"/> on standard input.</summary>
    private static (int Exit, string Output, string Error) RunWithInput(string input, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var environment = new CliEnvironment(output, error, () => CliRunner.Now, CliRunner.DataDirectory,
            standardInput: () => new MemoryStream(System.Text.Encoding.UTF8.GetBytes(input)));
        int exit = PlannerApp.Run(args, environment);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>A pretty-printed Usage API page (GET /v1/organization/usage/completions) followed by a second on one line,
    /// written by hand: 1,600 in = 350 text + 200 cached + 1,050 audio and 1,600 out = 400 text + 1,200 audio (2 requests);
    /// then 1,000 text in and 100 text out (1 request).</summary>
    private const string UsagePages = """
        {
          "object": "page",
          "data": [{"object": "bucket", "start_time": 1768467600, "end_time": 1768467660, "results": [
            {"object": "organization.usage.completions.result", "input_tokens": 1600, "output_tokens": 1600, "input_cached_tokens": 200,
             "input_audio_tokens": 1050, "output_audio_tokens": 1200, "num_model_requests": 2, "model": "gpt-audio-mini-2025-12-15"}]}],
          "has_more": true, "next_page": "page_AAAA"
        }
        {"object": "page", "data": [{"object": "bucket", "start_time": 1768467660, "end_time": 1768467720, "results": [{"object": "organization.usage.completions.result", "input_tokens": 1000, "output_tokens": 100, "num_model_requests": 1, "model": "gpt-audio-mini-2025-12-15"}]}], "has_more": false, "next_page": null}
        """;

    [Fact]
    public void Price_Dash_DetectsUsageApiPagesOnStandardInput_AsForAFile()
    {
        var (exit, output, error) = RunWithInput(UsagePages, "price", "-", "--json");

        exit.Should().Be(0, error);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        json.RootElement.GetProperty("trace").GetString().Should().Be("<stdin>");
        json.RootElement.GetProperty("requests_billed").GetInt64().Should().Be(3);
        json.RootElement.GetProperty("assumptions").EnumerateArray().Should().Contain(a =>
            a.GetProperty("name").GetString() == "usage_format" && a.GetProperty("value").GetString() == "usage-pages");
        // gpt-audio-mini per 1M: text and cached input 0.60, audio input 10, text output 2.40, audio output 20.
        json.RootElement.GetProperty("total_usd").GetDecimal().Should().Be(
            (350 * 0.60m + 200 * 0.60m + 1050 * 10m + 400 * 2.40m + 1200 * 20m + 1000 * 0.60m + 100 * 2.40m) / 1_000_000);
    }

    [Fact]
    public void Price_Dash_WithAFormat_ReadsStandardInputAsThatFormat()
    {
        var (exit, _, error) = RunWithInput(UsagePages, "price", "-", "--format", "planner-csv");

        exit.Should().Be(2);
        error.Should().StartWith("planner: <stdin>:1: header: missing required column 'timestamp'");
    }

    [Fact]
    public void Price_Dash_WithTheUsageDefinitionGiven_ReadsPagesFromStandardInputOnce()
    {
        var (exit, output, error) = RunWithInput(UsagePages, "price", "-", "--usage-input-tokens", "text", "--json");

        exit.Should().Be(0, error);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        // Read as text only: 1,600 = 1,400 text + 200 cached, audio 1,050 apart; output 1,600 text, 1,200 audio apart.
        json.RootElement.GetProperty("total_usd").GetDecimal().Should().Be(
            (1400 * 0.60m + 200 * 0.60m + 1050 * 10m + 1600 * 2.40m + 1200 * 20m + 1000 * 0.60m + 100 * 2.40m) / 1_000_000);
    }
}
