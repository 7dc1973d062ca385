using Planner.Cli;

return PlannerApp.Run(args, CliEnvironment.FromProcess());
