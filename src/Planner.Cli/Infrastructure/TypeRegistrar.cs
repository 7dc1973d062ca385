using Spectre.Console.Cli;

namespace Planner.Cli.Infrastructure;

/// <summary>A minimal registrar for Spectre.Console.Cli: instances, types and factories (several
/// per service allowed), with constructor injection of registered services.</summary>
internal sealed class TypeRegistrar : ITypeRegistrar
{
    private readonly Dictionary<Type, List<Func<TypeResolver, object>>> _factories = [];

    public void Register(Type service, Type implementation) => Add(service, r => r.Construct(implementation));

    public void RegisterInstance(Type service, object implementation) => Add(service, _ => implementation);

    public void RegisterLazy(Type service, Func<object> factory) => Add(service, _ => factory());

    public ITypeResolver Build() => new TypeResolver(_factories);

    private void Add(Type service, Func<TypeResolver, object> factory)
    {
        if (!_factories.TryGetValue(service, out var list))
        {
            _factories[service] = list = [];
        }

        list.Add(factory);
    }
}
