// A .NET startup hook (DOTNET_STARTUP_HOOKS): the runtime calls StartupHook.Initialize() before the planner's Main,
// and the type must be named StartupHook in the global namespace. StartupCostTests runs the real planner binary with
// this assembly as its hook; at exit it writes the names of the assemblies the command loaded, one a line, to the
// file named by PLANNER_LOADED_ASSEMBLIES. It uses the base library only, so it loads nothing of the tests' own.
#pragma warning disable CA1050 // The runtime finds the hook by this exact global name.
internal static class StartupHook
#pragma warning restore CA1050
{
    public static void Initialize()
    {
        string? path = Environment.GetEnvironmentVariable("PLANNER_LOADED_ASSEMBLIES");
        if (string.IsNullOrEmpty(path))
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            File.WriteAllLines(path, AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name ?? "").Order(StringComparer.Ordinal));
    }
}
