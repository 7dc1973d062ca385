using System.Diagnostics.CodeAnalysis;
using Spectre.Console.Cli;

namespace Planner.Cli.Infrastructure;

/// <summary>One row of the command table: a command's name, its type and how it is added to Spectre's configuration
/// (description and examples). Start-up (issue 13.1): a run that names its command registers that row alone.</summary>
internal sealed class CommandRegistration
{
    private readonly Action<IConfigurator> _add;

    private CommandRegistration(string name, Type command, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] Type settings,
        Action<IConfigurator> add)
    {
        Name = name;
        Command = command;
        Settings = settings;
        _add = add;
    }

    /// <summary>The name typed after <c>planner</c>.</summary>
    public string Name { get; }

    /// <summary>The command's type (a <see cref="Command{TSettings}"/>).</summary>
    public Type Command { get; }

    /// <summary>The command's settings type: the type argument of its <see cref="Command{TSettings}"/> base. Its public
    /// properties (the options) are kept in a trimmed build, for <see cref="ArgumentCheck"/>.</summary>
    [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)]
    public Type Settings { get; }

    /// <summary>A row for <typeparamref name="TCommand"/>, described and with its examples (each one command line).
    /// <typeparamref name="TSettings"/> is named, not read off the base type by reflection, so the trimmer sees it.</summary>
    public static CommandRegistration Of<TCommand, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] TSettings>(
        string name, string description, params string[][] examples)
        where TCommand : Command<TSettings>
        where TSettings : CommandSettings =>
        new(name, typeof(TCommand), typeof(TSettings), config =>
        {
            var command = config.AddCommand<TCommand>(name).WithDescription(description);
            foreach (string[] example in examples)
            {
                command.WithExample(example);
            }
        });

    /// <summary>Adds the command to <paramref name="config"/>.</summary>
    public void AddTo(IConfigurator config) => _add(config);
}
