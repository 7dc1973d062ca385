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

    /// <summary>"--model needs a value", or null when every value-taking option has one.</summary>
    public static string? MissingValue(IReadOnlyList<string> args)
    {
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            if (arg.Contains('=', StringComparison.Ordinal) || !ValueOptions.Value.Contains(arg))
            {
                continue;
            }

            bool last = i == args.Count - 1;
            if (last || IsOption(args[i + 1]))
            {
                return $"{arg} needs a value";
            }
        }

        return null;
    }

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
        foreach (var type in typeof(ArgumentCheck).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(CommandSettings))))
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.GetCustomAttribute<CommandOptionAttribute>() is { ValueName: not null, ValueIsOptional: false } option)
                {
                    names.UnionWith(option.LongNames.Select(n => "--" + n));
                    names.UnionWith(option.ShortNames.Select(n => "-" + n));
                }
            }
        }

        return names;
    }

    [GeneratedRegex(@"^Failed to convert '(.*)' to ([A-Za-z0-9`]+)\.?$", RegexOptions.Singleline)]
    private static partial Regex ConvertRegex();
}
