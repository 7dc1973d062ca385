using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Spectre.Console.Cli;

namespace Planner.Cli.Infrastructure;

/// <summary>Resolves registered services (the last registration wins; <c>IEnumerable&lt;T&gt;</c> gets
/// them all), and constructs unregistered concrete types (commands, settings) by injecting
/// registered services into their widest public constructor.</summary>
internal sealed class TypeResolver(Dictionary<Type, List<Func<TypeResolver, object>>> factories) : ITypeResolver
{
    // Spectre's ITypeResolver hands over a bare Type, so nothing can flow an annotation here. It asks for the commands,
    // their settings and converters (types of planner and Spectre.Console.Cli, which a PublishAot build roots for the
    // trimmer with every constructor: Planner.Cli.csproj) and for IEnumerable<T> of its own interfaces, a reference type
    // whose array the native runtime makes from shared code. scripts/publish-native.sh checks the native build against
    // the ordinary one, command line by command line.
    [UnconditionalSuppressMessage("AotAnalysis", "IL3050:RequiresDynamicCode",
        Justification = "IEnumerable<T> is asked for Spectre's interfaces only: T is a reference type, whose array needs no code of its own.")]
    public object? Resolve(Type? type)
    {
        if (type is null)
        {
            return null;
        }

        if (factories.TryGetValue(type, out var list) && list.Count > 0)
        {
            return list[^1](this);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>))
        {
            var element = type.GetGenericArguments()[0];
            var all = factories.TryGetValue(element, out var items) ? items.Select(f => f(this)).ToList() : [];
            var array = Array.CreateInstance(element, all.Count);
            for (int i = 0; i < all.Count; i++)
            {
                array.SetValue(all[i], i);
            }

            return array;
        }

        return type.IsAbstract || type.IsInterface ? null : Construct(type);
    }

    [UnconditionalSuppressMessage("Trimming", "IL2070:DynamicallyAccessedMembers",
        Justification = "Constructs only commands, settings and converters of planner and Spectre.Console.Cli, which a PublishAot build roots (see Resolve).")]
    public object Construct(Type type)
    {
        var constructor = type.GetConstructors(BindingFlags.Public | BindingFlags.Instance)
            .OrderByDescending(c => c.GetParameters().Length)
            .First();
        var arguments = constructor.GetParameters()
            .Select(p => Resolve(p.ParameterType) ?? throw new InvalidOperationException($"cannot resolve {p.ParameterType.Name} for {type.Name}"))
            .ToArray();
        return constructor.Invoke(arguments);
    }
}
