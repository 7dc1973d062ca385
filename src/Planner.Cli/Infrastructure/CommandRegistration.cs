using Spectre.Console.Cli;

namespace Planner.Cli.Infrastructure;

/// <summary>One row of the command table: a command's name, its type and how it is added to Spectre's configuration
/// (description and examples). Start-up (issue 13.1): a run that names its command registers that row alone.</summary>
internal sealed class CommandRegistration
{
    private readonly Action<IConfigurator> _add;

    private CommandRegistration(string name, Type command, Action<IConfigurator> add)
    {
        Name = name;
        Command = command;
        _add = add;
    }

    /// <summary>The name typed after <c>planner</c>.</summary>
    public string Name { get; }

    /// <summary>The command's type (a <see cref="Command{TSettings}"/>).</summary>
    public Type Command { get; }

    /// <summary>The command's settings type: the type argument of its <see cref="Command{TSettings}"/> base.</summary>
    public Type Settings
    {
        get
        {
            for (var type = Command.BaseType; type is not null; type = type.BaseType)
            {
                if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Command<>))
                {
                    return type.GetGenericArguments()[0];
                }
            }

            throw new InvalidOperationException($"{Command.Name} does not derive from Command<TSettings>");
        }
    }

    /// <summary>A row for <typeparamref name="TCommand"/>, described and with its examples (each one command line).</summary>
    public static CommandRegistration Of<TCommand>(string name, string description, params string[][] examples)
        where TCommand : class, ICommand =>
        new(name, typeof(TCommand), config =>
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
