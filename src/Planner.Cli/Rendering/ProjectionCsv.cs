using Planner.Core.Projection;

namespace Planner.Cli.Rendering;

/// <summary>The CLI's <c>project --csv</c>: the table is written by <see cref="Planner.Web.Csv.ProjectionCsv"/>, shared with
/// the web calculator's download, so both give the same bytes.</summary>
public static class ProjectionCsv
{
    public const string Header = Planner.Web.Csv.ProjectionCsv.Header;

    public static void Write(string path, ProjectionResult result) => Planner.Web.Csv.ProjectionCsv.Write(path, result);

    public static string ToCsv(ProjectionResult result) => Planner.Web.Csv.ProjectionCsv.ToCsv(result);
}
