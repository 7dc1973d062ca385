using Planner.Cli;

// Start-up (issue 13.1): `planner --version` answers before the consoles and the command table are built.
if (PlannerApp.IsVersionRequest(args))
{
    Console.Out.WriteLine(PlannerApp.Version);
    return ExitCodes.Success;
}

return PlannerApp.Run(args, CliEnvironment.FromProcess());
