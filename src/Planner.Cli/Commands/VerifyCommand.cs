using System.ComponentModel;
using Planner.Contract.Json;
using Planner.Contract.Queries;
using Planner.Contract.Results;
using Planner.Contract.Services;
using Planner.Core;
using Planner.Core.Catalog.Json;
using Planner.Core.Regression;
using Spectre.Console.Cli;

namespace Planner.Cli.Commands;

/// <summary><c>planner verify</c>: validates a catalog and checks it against its golden snapshot.</summary>
public sealed class VerifyCommand(CliEnvironment environment) : Command<VerifyCommand.Settings>
{
    /// <summary>The folder, beside the catalog, that holds golden snapshots.</summary>
    public const string GoldenFolder = "golden";

    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "[CATALOG]")]
        [Description("The catalog to verify. The default value is data/catalog.json in the working folder when it exists, else the copy bundled with planner.")]
        public string? Catalog { get; init; }

        [CommandOption("--golden <PATH>")]
        [Description("The golden snapshot. The default value is golden/NAME.golden.md beside the catalog (data/golden/catalog.golden.md).")]
        public string? Golden { get; init; }

        [CommandOption("--update-golden")]
        [Description("Write the golden snapshot from the catalog instead of checking it; review and commit the result with the catalog.")]
        public bool UpdateGolden { get; init; }

        [CommandOption("--json")]
        [Description("Write the result as JSON: catalog and golden paths, figures, and every mismatch.")]
        public bool Json { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        // Loaded by full path; named in messages as the user would type it (relative to the working folder).
        string catalogFile = settings.Catalog ?? environment.DefaultCatalogPath;
        string goldenFile = settings.Golden ?? DefaultGoldenPath(catalogFile);
        string catalogPath = settings.Catalog ?? Shown(catalogFile);
        string goldenPath = settings.Golden ?? Shown(goldenFile);
        var catalog = CatalogJson.Load(catalogFile);
        if (settings.Catalog is null && !settings.Json)
        {
            // Say which file a bare "planner verify" checked: the repository's source, or the bundled copy.
            environment.Out.WriteLine(environment.SourceCatalogPath is not null
                ? $"Checking {catalogPath} (the catalog in this folder)."
                : $"Checking {catalogPath}, the copy bundled with planner (no data/catalog.json in this folder); to check the repository's catalog, run planner verify from its root or give its path.");
        }

        var query = new VerifyQuery { UpdateGolden = settings.UpdateGolden };
        bool bundled = environment.SourceCatalogPath is null && catalogPath == environment.BundledCatalogPath;
        if (!query.UpdateGolden && !File.Exists(goldenFile))
        {
            throw new PlannerException(PlannerErrorKind.InvalidArgument,
                $"{goldenPath}: golden snapshot not found; create it with: planner verify {catalogPath} --update-golden");
        }

        var result = VerifyService.Run(query, catalog, catalogPath, goldenPath, bundled, query.UpdateGolden ? null : File.ReadAllText(goldenFile));
        if (result.GoldenText is { } text)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(goldenFile))!);
            File.WriteAllText(goldenFile, text);
        }

        if (settings.Json)
        {
            PlannerJson.Write(environment.Out, result, PlannerJson.Context.VerifyResult);
            return result.Matches ? ExitCodes.Success : ExitCodes.CheckFailed;
        }

        Render(environment.Out, result);
        return result.Matches ? ExitCodes.Success : ExitCodes.CheckFailed;
    }

    /// <summary>The verdict of a verify result as lines of text.</summary>
    internal static void Render(TextWriter output, VerifyResult result)
    {
        if (result.GoldenUpdated)
        {
            output.WriteLine($"{result.CatalogPath}: valid; wrote {result.Figures} figures to {result.GoldenPath}. Review the diff and commit it with the catalog.");
        }
        else if (result.Matches)
        {
            output.WriteLine($"{result.CatalogPath}: valid; {result.Models} models, all {result.Figures} figures match {result.GoldenPath}");
        }
        else
        {
            int count = result.Mismatches.Count;
            output.WriteLine($"{result.CatalogPath}: valid, but {count} {(count == 1 ? "figure differs" : "figures differ")} from the golden snapshot {result.GoldenPath}:");
            foreach (string mismatch in result.Mismatches)
            {
                output.WriteLine("  " + mismatch);
            }

            output.WriteLine($"If the change is intended, run: planner verify {result.CatalogPath} --update-golden, and commit the golden file with the catalog.");
        }

        output.Flush();
    }

    /// <summary>A path relative to the working folder when it is inside it ("data/catalog.json"), so that hints
    /// name the file as the user would type it.</summary>
    private string Shown(string path)
    {
        if (environment.WorkingDirectory is { } cwd)
        {
            string relative = Path.GetRelativePath(cwd, path);
            if (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative))
            {
                return relative;
            }
        }

        return path;
    }

    /// <summary>golden/NAME.golden.md in the catalog's folder.</summary>
    public static string DefaultGoldenPath(string catalogPath) =>
        Path.Combine(Path.GetDirectoryName(catalogPath) ?? "", GoldenFolder, GoldenSnapshot.FileNameFor(catalogPath));
}
