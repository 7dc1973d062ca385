namespace Planner.Cli;

/// <summary>The calculator's documented exit codes (README, "Exit codes").</summary>
public static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>A check failed: a cost threshold was crossed, or a catalog disagrees with its golden snapshot.</summary>
    public const int CheckFailed = 1;

    /// <summary>Invalid input or usage: a bad option, an unknown model, a bad row, an invalid catalog.</summary>
    public const int InvalidInput = 2;

    /// <summary>A bug in Planner: an unexpected error (reported in one line, never a stack trace).</summary>
    public const int InternalError = 70;
}
