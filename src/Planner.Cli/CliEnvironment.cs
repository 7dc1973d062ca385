using Spectre.Console;

namespace Planner.Cli;

/// <summary>Everything a command touches outside itself: its output streams, the clock and the
/// data folder. Injected, so tests run commands without the static console (STYLE.md §10).</summary>
public sealed class CliEnvironment
{
    public CliEnvironment(TextWriter output, TextWriter error, Func<DateTimeOffset> clock, string dataDirectory, bool errorIsTerminal = false, bool outputIsTerminal = false,
        string? workingDirectory = null, Func<Stream>? standardInput = null, int? width = null, Dictionary<string, string>? environmentVariables = null)
    {
        Out = output;
        WorkingDirectory = workingDirectory;
        StandardInput = standardInput ?? (() => Stream.Null);
        Error = error;
        Clock = clock;
        DataDirectory = dataDirectory;
        ErrorIsTerminal = errorIsTerminal;
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = outputIsTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = outputIsTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            EnvironmentVariables = environmentVariables,
        });
        if (width is int columns)
        {
            Console.Profile.Width = columns;
        }
        else if (!outputIsTerminal)
        {
            // Piped or captured output has no width of its own: give tables room rather than wrap at 80.
            Console.Profile.Width = RedirectedWidth;
        }

        if (!outputIsTerminal)
        {
            // Start-up (issue 13.1): without a height of its own, every render asked System.Console for the window
            // height, which on Linux reads and parses the terminfo database even for piped output. Nothing rendered
            // to this console depends on its height (only the error console's progress bar does).
            Console.Profile.Height = RedirectedHeight;
        }

        ErrorConsole = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(error),
            Ansi = errorIsTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            Interactive = errorIsTerminal ? InteractionSupport.Detect : InteractionSupport.No,
            EnvironmentVariables = environmentVariables,
        });
    }

    /// <summary>The width tables are laid out for when stdout is not a terminal and no width is given
    /// (a positive COLUMNS in the environment gives one: <c>COLUMNS=80 planner ... | less</c>).</summary>
    public const int RedirectedWidth = 160;

    /// <summary>The height of piped or captured output (Spectre's own default): no table or text depends on it.</summary>
    public const int RedirectedHeight = 24;

    /// <summary>Where results go (tables, or JSON with --json).</summary>
    public TextWriter Out { get; }

    /// <summary>Where errors and progress go.</summary>
    public TextWriter Error { get; }

    /// <summary>Tables and text for <see cref="Out"/>.</summary>
    public IAnsiConsole Console { get; }

    /// <summary>Progress bars and notes for <see cref="Error"/>.</summary>
    public IAnsiConsole ErrorConsole { get; }

    /// <summary>True when stderr is a terminal (then long reads show a progress bar).</summary>
    public bool ErrorIsTerminal { get; }

    /// <summary>The current time; used only for defaults such as "price at now".</summary>
    public Func<DateTimeOffset> Clock { get; }

    /// <summary>The bundled data folder (catalog, traces, workloads, golden files).</summary>
    public string DataDirectory { get; }

    /// <summary>The bundled catalog's path.</summary>
    public string BundledCatalogPath => Path.Combine(DataDirectory, Planner.Core.Catalog.Json.CatalogJson.FileName);

    /// <summary>The folder the user runs planner in, where <c>data/catalog.json</c> is looked for first;
    /// null when not known (tests that do not set it use the bundled data only).</summary>
    public string? WorkingDirectory { get; }

    /// <summary>Opens standard input (for a trace given as <c>-</c>).</summary>
    public Func<Stream> StandardInput { get; }

    /// <summary>The repository's <c>data/catalog.json</c> in the working folder, when there is one: the file a
    /// user edits, rather than its copy in the build output or the installed tool.</summary>
    public string? SourceCatalogPath
    {
        get
        {
            if (WorkingDirectory is null)
            {
                return null;
            }

            string candidate = Path.Combine(WorkingDirectory, "data", Planner.Core.Catalog.Json.CatalogJson.FileName);
            return File.Exists(candidate) ? candidate : null;
        }
    }

    /// <summary>The catalog used when none is given: ./data/catalog.json when it exists, else the bundled one.</summary>
    public string DefaultCatalogPath => SourceCatalogPath ?? BundledCatalogPath;

    /// <summary>The environment of this process: real console, wall clock, the data folder shipped beside the binary.</summary>
    public static CliEnvironment FromProcess()
    {
        var stdout = System.Console.Out;
        var stderr = System.Console.Error;
        return new CliEnvironment(stdout, stderr, () => DateTimeOffset.UtcNow, FindDataDirectory(), !System.Console.IsErrorRedirected, !System.Console.IsOutputRedirected,
            Directory.GetCurrentDirectory(), System.Console.OpenStandardInput, ColumnsFromEnvironment(), EnvironmentVariables());
    }

    /// <summary>The process's environment as Spectre.Console reads it for its CI detection (names compared ignoring case,
    /// the first of two that differ only in case kept), read once for both consoles instead of once each.</summary>
    private static Dictionary<string, string> EnvironmentVariables()
    {
        var variables = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (System.Collections.DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            variables.TryAdd((string)entry.Key, entry.Value as string ?? string.Empty);
        }

        return variables;
    }

    /// <summary>A positive whole COLUMNS from the environment, else null (the terminal's or the redirected width).</summary>
    private static int? ColumnsFromEnvironment() =>
        int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int columns) && columns > 0
            ? columns
            : null;

    /// <summary>The data folder beside the binary, else the nearest <c>data/</c> above the working folder.</summary>
    public static string FindDataDirectory()
    {
        string beside = Path.Combine(AppContext.BaseDirectory, "data");
        if (File.Exists(Path.Combine(beside, Planner.Core.Catalog.Json.CatalogJson.FileName)))
        {
            return beside;
        }

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "data");
            if (File.Exists(Path.Combine(candidate, Planner.Core.Catalog.Json.CatalogJson.FileName)))
            {
                return candidate;
            }
        }

        return beside;
    }
}
