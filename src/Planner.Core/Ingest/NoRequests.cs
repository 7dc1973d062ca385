using Planner.Core.Traces;

namespace Planner.Core.Ingest;

/// <summary>The rule every reader keeps (<see cref="TraceOptions.RequireRequests"/>): input without a single valid request
/// is invalid, not a $0 answer.</summary>
internal static class NoRequests
{
    public static void Check(IUsageSource source, TraceOptions options)
    {
        if (source.RowsPriced > 0 || !options.RequireRequests)
        {
            return;
        }

        if (source.RowsRead == 0)
        {
            throw new PlannerException(PlannerErrorKind.InvalidTrace, $"{source.Path}: no requests in the file; nothing to price (docs/usage-formats.md)");
        }

        var rejections = source.Rejections;
        string reasons = string.Join(", ", rejections.ByReason.Select(r => $"{r.Value:N0} {r.Key}"));
        string first = rejections.First.Count > 0 ? $"; first: line {rejections.First[0].Line}: {rejections.First[0].Message}" : "";
        throw new PlannerException(PlannerErrorKind.InvalidTrace, $"{source.Path}: no valid request: all {source.RowsRead:N0} rows were rejected or empty ({reasons}){first}");
    }
}
