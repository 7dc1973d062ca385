using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Planner.Cli.Tests.Fuzzing;

/// <summary>Mutated traces and catalogs through the real entry point (<see cref="PlannerApp.Run"/> with an injected
/// environment). Seeded and time-boxed: a few seconds in the suite; scripts/fuzz.sh runs it for longer
/// (PLANNER_FUZZ_SECONDS, PLANNER_FUZZ_SEED). Every run must end in exit 0, 1 or 2 (never 70), print no stack
/// trace, report a trace problem in one line, and, when it prices, balance: rows_read = rows_priced +
/// rows_rejected, and the total is the sum of its meters and of its models to the last digit.</summary>
public sealed class FuzzTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "planner-fuzz-" + Guid.NewGuid().ToString("N"));

    public FuzzTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static double Seconds => double.TryParse(Environment.GetEnvironmentVariable("PLANNER_FUZZ_SECONDS"), NumberStyles.Float, CultureInfo.InvariantCulture, out double s) ? s : 3;

    private static int Seed => int.TryParse(Environment.GetEnvironmentVariable("PLANNER_FUZZ_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out int s) ? s : 20261201;

    [Fact]
    public void MutatedTraces_NeverCrashAndAlwaysBalance()
    {
        var random = new Random(Seed);
        string[] seedLines = File.ReadAllLines(Path.Combine(CliRunner.DataDirectory, "traces", "voice-support-day.csv")).Take(40).ToArray();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        int runs = 0;
        int balanced = 0;
        while (runs < 20 || clock.Elapsed.TotalSeconds < Seconds / 2)
        {
            byte[] trace = Mutate(Encoding.UTF8.GetBytes(string.Join('\n', seedLines) + "\n"), random);
            string path = Path.Combine(_folder, $"trace-{runs}.csv");
            File.WriteAllBytes(path, trace);
            string[] args = (runs % 4) switch
            {
                0 => ["price", path, "--skip-invalid", "--json"],
                1 => ["price", path],
                2 => ["simulate", path, "--tier", "1", "--skip-invalid", "--json"],
                _ => ["price", path, "--skip-invalid", "--json", "--audio-in-rate", "2147483"],
            };
            var result = CliRunner.Run(args);
            Check(result, args, trace, oneLine: true);
            if (result.ExitCode == 0 && args.Contains("--json"))
            {
                CheckBalances(result, trace);
                balanced++;
            }

            runs++;
        }

        balanced.Should().BeGreaterThan(runs / 10, "enough mutated traces must be priced for the balance checks to mean something");
    }

    [Fact]
    public void MutatedCatalogs_NeverCrash()
    {
        var random = new Random(Seed + 1);
        byte[] catalog = File.ReadAllBytes(Path.Combine(CliRunner.DataDirectory, "catalog.json"));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        int runs = 0;
        while (runs < 20 || clock.Elapsed.TotalSeconds < Seconds / 2)
        {
            byte[] mutated = MutateJson(catalog, random);
            string path = Path.Combine(_folder, $"catalog-{runs}.json");
            File.WriteAllBytes(path, mutated);
            string[] args = (runs % 3) switch
            {
                0 => ["models", "--catalog", path, "--json"],
                1 => ["cost", "--catalog", path, "--model", "gpt-audio-mini", "--text-in", "1000000000", "--audio-in", "1000000000", "--at", "2026-01-15"],
                _ => ["capacity", "--catalog", path, "--model", "gpt-audio", "--tier", "1", "--audio-in-seconds", "30"],
            };
            // A catalog lists every problem, one per line: each line must still be one short line.
            Check(CliRunner.Run(args), args, mutated, oneLine: false);
            runs++;
        }
    }

    private static void Check(CliResult result, string[] args, byte[] input, bool oneLine)
    {
        string context = $"planner {string.Join(' ', args)} on {input.Length} bytes (seed {Seed}):\n{result.Error}";
        result.ExitCode.Should().BeOneOf([0, 1, 2], context);
        result.Error.Should().NotContain("   at ", context).And.NotContain("internal error", context);
        if (result.ExitCode == 2)
        {
            var lines = result.Error.TrimEnd().Split('\n');
            if (oneLine)
            {
                lines.Should().HaveCount(1, context);
            }

            lines.Should().OnlyContain(l => l.Length <= 1200 && !l.TrimEnd('\r').Any(c => char.IsControl(c) && c != '\t'), context);
        }
    }

    private static void CheckBalances(CliResult result, byte[] input)
    {
        using var json = result.Json();
        var root = json.RootElement;
        string context = $"{input.Length} bytes, seed {Seed}";
        long read = root.GetProperty("rows_read").GetInt64();
        long priced = root.GetProperty("rows_priced").GetInt64();
        long rejected = root.GetProperty("rows_rejected").GetInt64();
        read.Should().Be(priced + rejected, context);
        // Nothing lost: a trace is one record per line, so every non-empty line after the header is a row.
        read.Should().Be(NonEmptyLines(input) - 1, context);

        decimal total = root.GetProperty("total_usd").GetDecimal();
        root.GetProperty("by_meter_usd").EnumerateObject().Sum(m => m.Value.GetDecimal()).Should().Be(total, context);
        root.GetProperty("by_model").EnumerateArray().Sum(m => m.GetProperty("total_usd").GetDecimal()).Should().Be(total, context);
        root.GetProperty("per_day").EnumerateArray().Sum(d => d.GetProperty("total_usd").GetDecimal()).Should().Be(total, context);
    }

    private static long NonEmptyLines(byte[] input)
    {
        long lines = 0;
        int length = 0;
        for (int i = 0; i <= input.Length; i++)
        {
            bool end = i == input.Length || input[i] == (byte)'\n' || input[i] == (byte)'\r';
            if (!end)
            {
                length++;
                continue;
            }

            if (length > 0)
            {
                lines++;
            }

            length = 0;
        }

        return lines;
    }

    private static readonly string[] Inserts =
        ["\"", ",", "\n", "\r\n", "\r", "\0", "-", "9", "99999999999999999999", "1000000001", "x", "é", "\u001b[2J", ";", "\t", "\"\"", "\uFEFF", "2026-13-40T99:99:99Z", "   "];

    /// <summary>One to four byte-level edits of a CSV: inserts of separators, quotes and line breaks, deletions,
    /// repeated and swapped lines, a cut end, a huge number or a long header.</summary>
    internal static byte[] Mutate(byte[] input, Random random)
    {
        var bytes = new List<byte>(input);
        int edits = random.Next(1, 5);
        for (int e = 0; e < edits; e++)
        {
            int at = bytes.Count == 0 ? 0 : random.Next(bytes.Count);
            switch (random.Next(9))
            {
                case 8:
                    // A quote opening a field (after a comma): the stray quote that once swallowed the rest of a file.
                    int comma = bytes.IndexOf((byte)',', at);
                    bytes.Insert(comma < 0 ? at : comma + 1, (byte)'"');
                    break;
                case 0:
                case 1:
                case 2:
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(Inserts[random.Next(Inserts.Length)]));
                    break;
                case 3:
                    bytes.RemoveRange(at, Math.Min(random.Next(1, 20), bytes.Count - at));
                    break;
                case 4:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 5:
                    int end = bytes.IndexOf((byte)'\n', at);
                    int start = bytes.LastIndexOf((byte)'\n', Math.Max(0, at - 1)) + 1;
                    if (end > start)
                    {
                        var line = bytes.GetRange(start, end - start + 1);
                        bytes.InsertRange(random.Next(2) == 0 ? start : Math.Min(bytes.Count, end + 1 + random.Next(200)), line);
                    }

                    break;
                case 6:
                    bytes.InsertRange(at, Enumerable.Repeat((byte)random.Next(32, 127), random.Next(1, 300)));
                    break;
                default:
                    if (random.Next(4) == 0)
                    {
                        // A wide header (the 5,000-column case): the message must stay one short line.
                        int nl = bytes.IndexOf((byte)'\n');
                        string columns = string.Join(',', Enumerable.Range(0, 5000).Select(i => "c" + i.ToString(CultureInfo.InvariantCulture)));
                        bytes.InsertRange(Math.Max(0, nl), Encoding.UTF8.GetBytes("," + columns));
                    }

                    break;
            }
        }

        return [.. bytes];
    }

    private static readonly string[] JsonInserts =
        ["0", "-1", "1e400", "1e-400", "0.6000000000000000000000000000001", "1000000000000", "9223372036854775807", "\"", "{", "}", "[", "]", ",", ":", "null", "true", "\"x\"", "\n", "\u001b", "\\u0000", "2026-02-30"];

    /// <summary>Edits of the catalog text: numbers replaced, tokens inserted or deleted, the file cut.</summary>
    internal static byte[] MutateJson(byte[] input, Random random)
    {
        var text = new StringBuilder(Encoding.UTF8.GetString(input));
        int edits = random.Next(1, 4);
        for (int e = 0; e < edits; e++)
        {
            int at = random.Next(text.Length);
            switch (random.Next(4))
            {
                case 0:
                    // Replace the number nearest 'at' (prices, limits, context windows) with an extreme one.
                    int digit = IndexOfDigit(text, at);
                    if (digit >= 0)
                    {
                        int end = digit;
                        while (end < text.Length && (char.IsDigit(text[end]) || text[end] is '.' or 'e' or 'E' or '-' or '+'))
                        {
                            end++;
                        }

                        text.Remove(digit, end - digit).Insert(digit, JsonInserts[random.Next(7)]);
                    }

                    break;
                case 1:
                    text.Insert(at, JsonInserts[random.Next(JsonInserts.Length)]);
                    break;
                case 2:
                    text.Remove(at, Math.Min(random.Next(1, 30), text.Length - at));
                    break;
                default:
                    if (random.Next(5) == 0)
                    {
                        text.Length = at;
                    }

                    break;
            }
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static int IndexOfDigit(StringBuilder text, int from)
    {
        for (int i = from; i < text.Length; i++)
        {
            if (char.IsDigit(text[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
