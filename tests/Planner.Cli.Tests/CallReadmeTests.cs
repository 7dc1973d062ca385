using System.Globalization;
using System.Text.RegularExpressions;

namespace Planner.Cli.Tests;

/// <summary>The README's "20,000 four-minute calls a day on gpt-audio-mini" answer: each command it shows is in the README
/// word for word, runs against the bundled catalog, and prints every figure the README shows; the per-call costs are
/// worked by hand here from the catalog's prices (per 1M tokens), not copied from the output.</summary>
public partial class CallReadmeTests
{
    private const decimal M = 1_000_000m;
    private const decimal CallsPerMonth = 30 * 20_000m;
    private const string Shape = "--minutes 4 --user-audio-seconds 10 --assistant-audio-seconds 20 --system-text-tokens 500";
    private const string CallCommand = "planner call --model gpt-audio-mini " + Shape + " --at 2026-12-01";
    private const string MigrateCommand = "dotnet run --project src/Planner.Cli -- migrate --from gpt-audio-mini --calls-per-day 20000 " + Shape + " --months 3 --at 2026-12-01 --start 2026-12-01";
    private const string ProjectCommand = "dotnet run --project src/Planner.Cli -- project --model gpt-audio-mini --calls-per-day 20000 " + Shape + " --months 3 --at 2026-12-01 --start 2026-12-01";
    private const string CapacityCommand = "dotnet run --project src/Planner.Cli -- capacity --model gpt-realtime-2.1-mini --concurrent-calls 300 " + Shape + " --max-output-tokens 1000 --at 2026-12-01";

    private static readonly string Readme = File.ReadAllText(Path.Combine(RepoRoot(), "README.md"));

    // 8 turns (240 s / 30 s); turn k sends 500 text + 100 + 500 (k - 1) audio tokens and gets 400 audio tokens back.
    // A call: 4,000 text in, 14,800 audio in, 3,200 audio out. Cacheable (the previous Response's input, Responses 2-8):
    // 3,500 text and 100 + 600 + ... + 3,100 = 11,200 audio; at share 0.5 half of each: 1,750 and 5,600.
    // Catalog prices: gpt-audio-mini text 0.60, audio 10 / 20; gpt-audio-1.5 text 2.50, audio 32 / 64 (no cached price:
    // cached bills at the input rate); gpt-realtime-2.1-mini text 0.60 / cached 0.06, audio 10 / cached 0.30 / out 20.
    private static readonly decimal AudioMini = (4_000 * 0.60m / M) + (14_800 * 10m / M) + (3_200 * 20m / M);
    private static readonly decimal Audio15 = (4_000 * 2.50m / M) + (14_800 * 32m / M) + (3_200 * 64m / M);
    private static readonly decimal RealtimeAt0 = (4_000 * 0.60m / M) + (14_800 * 10m / M) + (3_200 * 20m / M);
    private static readonly decimal RealtimeAtHalf = (2_250 * 0.60m / M) + (1_750 * 0.06m / M) + (9_200 * 10m / M) + (5_600 * 0.30m / M) + (3_200 * 20m / M);
    private static readonly decimal RealtimeAt1 = (500 * 0.60m / M) + (3_500 * 0.06m / M) + (3_600 * 10m / M) + (11_200 * 0.30m / M) + (3_200 * 20m / M);

    [Fact]
    public void Call_PrintsThePerCallCostsTheReadmeShows()
    {
        Readme.Should().Contain(CallCommand);

        var mini = Run(CallCommand);
        Money(CallRow().Match(mini).Groups[1].Value).Should().Be(AudioMini);
        Money(PerMinute().Match(mini).Groups[1].Value).Should().Be(AudioMini / 4);

        var full = Run(CallCommand.Replace("gpt-audio-mini", "gpt-audio-1.5", StringComparison.Ordinal));
        Money(CallRow().Match(full).Groups[1].Value).Should().Be(Audio15);
        Money(PerMinute().Match(full).Groups[1].Value).Should().Be(0.1721m, "$0.6884 / 4 min = $0.1721");

        var realtime = Run(CallCommand.Replace("gpt-audio-mini", "gpt-realtime-2.1-mini", StringComparison.Ordinal));
        var shares = Shares().Match(realtime);
        shares.Success.Should().BeTrue(realtime);
        Money(shares.Groups[1].Value).Should().Be(RealtimeAtHalf);
        Money(shares.Groups[2].Value).Should().Be(RealtimeAt0);
        Money(shares.Groups[3].Value).Should().Be(RealtimeAt1);
        // 128,000 context less 32,000 reserved output.
        realtime.Should().Contain($"truncation limit ({128_000 - 32_000:N0} tokens)");

        // The README shows these lines as printed, and these figures.
        Readme.Should().Contain(shares.Value);
        Readme.Should().Contain($"truncation limit ({128_000 - 32_000:N0} tokens)");
        Readme.Should().Contain("`Call │ 22,000 │ $0.6884`");
        foreach (decimal perCall in new[] { AudioMini, Audio15, RealtimeAt0, RealtimeAtHalf, RealtimeAt1 })
        {
            Readme.Should().Contain($"| ${perCall.ToString("0.##########", CultureInfo.InvariantCulture)} | ${perCall * CallsPerMonth:N0} |");
        }
    }

    [Fact]
    public void Migrate_PrintsTheMonthsAndTiersTheReadmeShows()
    {
        Readme.Should().Contain(MigrateCommand);
        var output = Run(MigrateCommand);

        output.Should().Contain("Today it needs Grow ($200,000/month).");
        output.Should().Contain("-> gpt-audio-1.5 (Chat Completions; OpenAI's recommended replacement;");
        output.Should().Contain("needs more than any self-serve");
        output.Should().Contain("-> gpt-realtime-2.1-mini (Realtime; cheapest active Realtime model for this workload): needs Grow ($200,000/month)");
        var rows = MonthOne().Matches(output);
        rows.Should().HaveCount(2, output);
        CheckRow(rows[0], AudioMini * CallsPerMonth, Audio15 * CallsPerMonth, "+221.08%");
        CheckRow(rows[1], AudioMini * CallsPerMonth, RealtimeAtHalf * CallsPerMonth, "-25.78%");
        output.Should().Contain($"spend ${Audio15 * CallsPerMonth:N0} is over Grow's $200,000 monthly usage limit");

        var cached = Run(MigrateCommand.Replace("--months", "--to gpt-audio-1.5,gpt-realtime-2.1-mini --cache-hit 1 --months", StringComparison.Ordinal));
        var cachedRows = MonthOne().Matches(cached);
        CheckRow(cachedRows[1], AudioMini * CallsPerMonth, RealtimeAt1 * CallsPerMonth, "-51.55%");

        // The README's excerpt is the real output, line for line (up to trailing blanks).
        foreach (var line in new[] { rows[0].Value, rows[1].Value })
        {
            Readme.Should().Contain(line.TrimEnd());
        }

        Readme.Should().Contain(cachedRows[1].Value.Trim());
        Readme.Should().Contain("Today it needs Grow ($200,000/month).");
    }

    [Fact]
    public void Project_SplitsJanuaryAtTheShutdownAsTheReadmeShows()
    {
        Readme.Should().Contain(ProjectCommand);
        var output = Run(ProjectCommand);

        decimal before = AudioMini * CallsPerMonth;
        decimal after = Audio15 * CallsPerMonth;
        // January 2027: 19 of 31 days on gpt-audio-mini, 12 on gpt-audio-1.5.
        decimal january = (before * 19 / 31) + (after * 12 / 31);
        var months = ProjectMonth().Matches(output);
        months.Should().HaveCount(3, output);
        Money(months[0].Groups[2].Value).Should().Be(before);
        months[0].Groups[3].Value.Should().Be("Grow");
        Money(months[1].Groups[2].Value).Should().BeApproximately(january, 0.000_000_001m);
        months[1].Groups[3].Value.Should().Be("none");
        Money(months[2].Groups[2].Value).Should().Be(after);
        months[2].Groups[3].Value.Should().Be("none");
        foreach (Match month in months)
        {
            Readme.Should().Contain(month.Value.TrimEnd());
        }
    }

    [Fact]
    public void Capacity_Answers300ConcurrentCallsAsTheReadmeShows()
    {
        Readme.Should().Contain(CapacityCommand);
        var output = Run(CapacityCommand);

        // 8 turns in 4 min: 2 Responses a call-minute, 600 for 300 calls. A call's TPM charges: its inputs
        // (4,000 text + 14,800 audio) + 8 x 1,000 reserved output = 26,800 in 4 min, 6,700 a minute.
        const int perCallMinute = (4_000 + 14_800 + (8 * 1_000)) / 4;
        output.Should().Contain($"300 concurrent calls of 8 turns in 4 min = {300 * 2} Responses and {300 * perCallMinute:N0} TPM");
        // Most calls per tier, the lower of RPM / 2 and TPM / 6,700 (realtime limits: Build 400 / 200,000,
        // Launch 10,000 / 4,000,000, Grow 20,000 / 15,000,000).
        TierRow(output, "Build").Should().Be(("no (RPM, TPM)", $"{200_000 / perCallMinute} (TPM)"));
        TierRow(output, "Launch").Should().Be(("yes", $"{4_000_000 / perCallMinute} (TPM)"));
        TierRow(output, "Grow").Should().Be(("yes", $"{15_000_000 / perCallMinute:N0} (TPM)"));
        output.Should().Contain("Lowest tier that carries it: Launch");

        var audio = Run(CapacityCommand.Replace("gpt-realtime-2.1-mini", "gpt-audio-mini", StringComparison.Ordinal));
        // gpt-audio-mini: Launch 10,000 / 2,000,000, Grow 10,000 / 30,000,000.
        TierRow(audio, "Launch").Should().Be(("no (TPM)", $"{2_000_000 / perCallMinute} (TPM)"));
        audio.Should().Contain("Lowest tier that carries it: Grow");

        foreach (var line in output.Split('\n').Where(l => l.StartsWith("│ Build", StringComparison.Ordinal) || l.StartsWith("│ Launch", StringComparison.Ordinal)
            || l.StartsWith("│ Grow", StringComparison.Ordinal) || l.StartsWith("gpt-realtime-2.1-mini: 300", StringComparison.Ordinal)))
        {
            Readme.Should().Contain(line.TrimEnd());
        }

        Readme.Should().Contain($"{2_000_000 / perCallMinute} (TPM)`");
    }

    [Fact]
    public void Readme_StatesTheTruncationLimitItUses()
    {
        // The catalog's 32,000-token window less 4,096: the figure the code uses; OpenAI's guide quotes 28,224.
        Readme.Should().Contain($"{32_000 - 4_096:N0}, not 28,224");
        Readme.Should().Contain($"--max-output-tokens {32_000 - 28_224}");
    }

    private static void CheckRow(Match row, decimal before, decimal after, string percent)
    {
        Money(row.Groups[1].Value).Should().Be(before);
        Money(row.Groups[2].Value).Should().Be(after);
        Money(row.Groups[3].Value).Should().Be(after - before);
        row.Groups[4].Value.Should().Be(percent);
        // The percentage, by hand: the change over the before, to two places.
        decimal.Parse(percent.TrimEnd('%'), CultureInfo.InvariantCulture).Should().Be(Math.Round((after - before) / before * 100, 2));
    }

    private static (string Carries, string Most) TierRow(string output, string tier)
    {
        var line = output.Split('\n').Single(l => l.StartsWith("│ " + tier + " ", StringComparison.Ordinal));
        var cells = line.Split('│', StringSplitOptions.TrimEntries);
        return (cells[4], cells[5]);
    }

    private static string Run(string command)
    {
        string rest = command.StartsWith("planner ", StringComparison.Ordinal) ? command["planner ".Length..] : command["dotnet run --project src/Planner.Cli -- ".Length..];
        var result = CliRunner.Run(rest.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        result.ExitCode.Should().Be(0, result.Error);
        return result.Output;
    }

    private static decimal Money(string text) =>
        decimal.Parse(text.Replace("$", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal), NumberStyles.Number | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "README.md")) && File.Exists(Path.Combine(dir.FullName, "Planner.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("README.md not found above the test binaries");
    }

    [GeneratedRegex(@"│ Call\s+│\s+22,000 │\s+(\$[0-9.]+) │")]
    private static partial Regex CallRow();

    [GeneratedRegex(@"Per minute of call: (\$[0-9.]+)")]
    private static partial Regex PerMinute();

    [GeneratedRegex(@"Cache-hit share 0\.5: (\$[0-9.]+); at 0: (\$[0-9.]+); at 1: (\$[0-9.]+)")]
    private static partial Regex Shares();

    [GeneratedRegex(@" +1│ (\$[0-9,.]+)│ +(\$[0-9,.]+)│ +(-?\$[0-9,.]+)│ ([+-][0-9.]+%)")]
    private static partial Regex MonthOne();

    [GeneratedRegex(@" +([123])│ 600,000│ +(\$[0-9,.]+)│ (\w+)")]
    private static partial Regex ProjectMonth();
}
