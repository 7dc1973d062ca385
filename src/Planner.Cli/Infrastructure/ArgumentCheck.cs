using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Spectre.Console.Cli;

namespace Planner.Cli.Infrastructure;

/// <summary>Two checks Spectre.Console.Cli leaves to us: an option that needs a value but has none
/// (Spectre would bind an internal placeholder), and a conversion failure, which Spectre reports
/// without the option's name ("Failed to convert 'abc' to Int64").</summary>
internal static partial class ArgumentCheck
{
    private static readonly Lazy<HashSet<string>> ValueOptions = new(FindValueOptions);

    /// <summary>"--model needs a value", or null when every value-taking option has one. An option is value-taking when
    /// any command's settings declare it so; <paramref name="settings"/>, the named command's settings type, answers for
    /// its own options without reading every other command's (start-up, issue 13.1: a test checks that no option name
    /// takes a value in one command and not in another, so both answers agree).</summary>
    public static string? MissingValue(IReadOnlyList<string> args, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] Type? settings = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        var own = settings is null ? null : OptionsOf(settings);
        bool TakesValue(string name) =>
            own is not null && own.TryGetValue(name, out bool takesValue) ? takesValue : name.StartsWith('-') && ValueOptions.Value.Contains(name);

        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            if (string.IsNullOrWhiteSpace(arg))
            {
                // An empty path ('' from a shell variable that was not set) would reach the file system as "".
                return i > 0 && TakesValue(args[i - 1])
                    ? $"{args[i - 1]} needs a value, got an empty one"
                    : $"argument {i + 1} is empty; give a file name or value";
            }

            int equals = arg.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                string name = arg[..equals];
                if (TakesValue(name) && string.IsNullOrWhiteSpace(arg[(equals + 1)..]))
                {
                    return $"{name} needs a value, got an empty one";
                }

                continue;
            }

            if (!TakesValue(arg))
            {
                continue;
            }

            bool last = i == args.Count - 1;
            if (!last && args[i + 1] == "-")
            {
                // "-" is standard input only where a trace is the command's argument (price, simulate, recommend).
                return $"{arg} needs a file; standard input ('-') is read only as the trace argument of price, simulate and recommend";
            }

            if (last || IsOption(args[i + 1]))
            {
                return $"{arg} needs a value";
            }
        }

        return null;
    }

    /// <summary>Spectre's "Unknown option 'modle'." or "Unknown command 'prise'." with the nearest known
    /// name ("did you mean --model?"), or null when the message is neither. An option is matched against the options
    /// of the command in <paramref name="args"/> (every command's when there is none); one that belongs to other
    /// commands says which, and the typed text itself is never the suggestion.</summary>
    public static string? Suggest(string message, IEnumerable<string> commands, IReadOnlyList<string>? args = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        var option = UnknownOptionRegex().Match(message);
        if (option.Success)
        {
            string given = option.Groups[1].Value;
            string typed = Dashed(given);
            string? current = args?.FirstOrDefault(a => !a.StartsWith('-')) is { } name && CommandOptions.Value.ContainsKey(name) ? name : null;
            IEnumerable<string> known = current is null ? AllOptions.Value : CommandOptions.Value[current];
            string? near = Nearest(given, known.Where(o => (o.Length == 1) == (given.Length == 1) && !string.Equals(o, given, StringComparison.Ordinal)));
            string hint = near is null
                ? current is null ? "; see --help" : $"; see planner {current} --help"
                : $"; did you mean {Dashed(near)}?";
            var elsewhere = current is null
                ? []
                : CommandOptions.Value.Where(c => c.Key != current && c.Value.Contains(given)).Select(c => c.Key).Order(StringComparer.Ordinal).ToList();
            return elsewhere.Count > 0
                ? $"{typed} is an option of {string.Join(", ", elsewhere)}, not of {current}{hint}"
                : $"unknown option {typed}{hint}";
        }

        var command = UnknownCommandRegex().Match(message);
        if (command.Success)
        {
            string given = command.Groups[1].Value;
            string? near = Nearest(given, commands);
            return $"unknown command '{given}'" + (near is null ? "; see planner --help" : $"; did you mean {near}?");
        }

        return null;
    }

    private static string Dashed(string name) => (name.Length == 1 ? "-" : "--") + name;

    /// <summary>The known name closest to <paramref name="given"/> by edit distance, if it is close enough to be a typo.</summary>
    internal static string? Nearest(string given, IEnumerable<string> known)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string name in known)
        {
            int distance = Distance(given.ToLowerInvariant(), name.ToLowerInvariant());
            if (distance < bestDistance || (distance == bestDistance && string.CompareOrdinal(name, best) < 0))
            {
                best = name;
                bestDistance = distance;
            }
        }

        int allowed = Math.Max(2, given.Length / 3);
        return bestDistance <= allowed ? best : null;
    }

    private static int Distance(string a, string b)
    {
        // Optimal string alignment: a swap of two neighbours ("modle") counts as one edit.
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (int j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    private static readonly Lazy<HashSet<string>> AllOptions = new(FindAllOptions);

    /// <summary>Each command's name ("generate-trace") to its options' names (long and short, without dashes), read from
    /// its settings type.</summary>
    private static readonly Lazy<Dictionary<string, HashSet<string>>> CommandOptions = new(FindCommandOptions);

    private static Dictionary<string, HashSet<string>> FindCommandOptions()
    {
        var commands = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var command in PlannerApp.Commands)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var option in Declared(command.Settings))
            {
                names.UnionWith(option.LongNames);
                names.UnionWith(option.ShortNames);
            }

            commands[command.Name] = names;
        }

        return commands;
    }

    /// <summary>The command names <see cref="Suggest"/> knows the options of (a test checks every command is one).</summary>
    internal static IReadOnlyCollection<string> CommandsWithOptions => CommandOptions.Value.Keys;

    private static HashSet<string> FindAllOptions()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var command in PlannerApp.Commands)
        {
            foreach (var option in Declared(command.Settings))
            {
                names.UnionWith(option.LongNames);
            }
        }

        return names;
    }

    /// <summary>The options a settings type declares (its own and inherited), in property order.</summary>
    private static IEnumerable<CommandOptionAttribute> Declared([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] Type settings) =>
        settings.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.GetCustomAttribute<CommandOptionAttribute>()).OfType<CommandOptionAttribute>();

    [GeneratedRegex(@"^Unknown option '(.+)'\.?$", RegexOptions.Singleline)]
    private static partial Regex UnknownOptionRegex();

    [GeneratedRegex(@"^Unknown command '(.+)'\.?$", RegexOptions.Singleline)]
    private static partial Regex UnknownCommandRegex();

    /// <summary>Spectre's conversion message with the option named, e.g. "--text-in: 'abc' is not a valid
    /// whole number", or the message unchanged when it is not a conversion failure.</summary>
    public static string Explain(string message, IReadOnlyList<string> args)
    {
        var match = ConvertRegex().Match(message);
        if (!match.Success)
        {
            return message;
        }

        string value = match.Groups[1].Value;
        string kind = match.Groups[2].Value switch
        {
            "Int64" or "Int32" => "a whole number in range",
            _ => "a number in range",
        };
        for (int i = 1; i < args.Count; i++)
        {
            if (args[i] == value && args[i - 1].StartsWith('-'))
            {
                return $"{args[i - 1]}: '{value}' is not {kind}";
            }
        }

        return $"'{value}' is not {kind}";
    }

    // A negative number is a value, not an option.
    private static bool IsOption(string arg) =>
        arg.StartsWith('-') && !decimal.TryParse(arg, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private static HashSet<string> FindValueOptions()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var command in PlannerApp.Commands)
        {
            names.UnionWith(OptionsOf(command.Settings).Where(o => o.Value).Select(o => o.Key));
        }

        return names;
    }

    /// <summary>Every command's settings type (a test checks that no other settings type exists in the CLI).</summary>
    internal static IEnumerable<Type> SettingsTypes() => PlannerApp.Commands.Select(c => c.Settings).Distinct();

    /// <summary>The options of one settings type, dashed ("--model", "-m"), each with whether it needs a value.</summary>
    internal static Dictionary<string, bool> OptionsOf([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] Type settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var options = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var option in Declared(settings))
        {
            bool takesValue = option is { ValueName: not null, ValueIsOptional: false };
            foreach (string name in option.LongNames)
            {
                options["--" + name] = takesValue;
            }

            foreach (string name in option.ShortNames)
            {
                options["-" + name] = takesValue;
            }
        }

        return options;
    }

    [GeneratedRegex(@"^Failed to convert '(.*)' to ([A-Za-z0-9`]+)\.?$", RegexOptions.Singleline)]
    private static partial Regex ConvertRegex();
}
