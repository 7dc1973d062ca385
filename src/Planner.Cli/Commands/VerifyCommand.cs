using System.ComponentModel;
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
        [Description("The catalog to verify. The default value is the bundled data/catalog.json.")]
        public string? Catalog { get; init; }

        [CommandOption("--golden <PATH>")]
        [Description("The golden snapshot. The default value is golden/NAME.golden.md beside the catalog (data/golden/catalog.golden.md).")]
        public string? Golden { get; init; }

        [CommandOption("--update-golden")]
        [Description("Write the golden snapshot from the catalog instead of checking it; review and commit the result with the catalog.")]
        public bool UpdateGolden { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        string catalogPath = settings.Catalog ?? environment.DefaultCatalogPath;
        string goldenPath = settings.Golden ?? DefaultGoldenPath(catalogPath);
        var catalog = CatalogJson.Load(catalogPath);
        string catalogName = Path.GetFileName(catalogPath);

        if (settings.UpdateGolden)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(goldenPath))!);
            File.WriteAllText(goldenPath, GoldenSnapshot.Render(catalog, catalogName));
            environment.Out.WriteLine($"{catalogPath}: valid; wrote {GoldenSnapshot.Of(catalog).Count} figures to {goldenPath}. Review the diff and commit it with the catalog.");
            environment.Out.Flush();
            return ExitCodes.Success;
        }

        if (!File.Exists(goldenPath))
        {
            throw new PlannerException(PlannerErrorKind.InvalidArgument,
                $"{goldenPath}: golden snapshot not found; create it with: planner verify {catalogPath} --update-golden");
        }

        var golden = GoldenSnapshot.Parse(File.ReadAllText(goldenPath), goldenPath);
        var actual = GoldenSnapshot.Of(catalog);
        var mismatches = GoldenSnapshot.Compare(golden, actual);
        if (mismatches.Count == 0)
        {
            environment.Out.WriteLine($"{catalogPath}: valid; {catalog.Models.Count} models, all {actual.Count} figures match {goldenPath}");
            environment.Out.Flush();
            return ExitCodes.Success;
        }

        environment.Out.WriteLine($"{catalogPath}: valid, but {mismatches.Count} {(mismatches.Count == 1 ? "figure differs" : "figures differ")} from the golden snapshot {goldenPath}:");
        foreach (var mismatch in mismatches)
        {
            environment.Out.WriteLine("  " + mismatch);
        }

        environment.Out.WriteLine($"If the change is intended, run: planner verify {catalogPath} --update-golden, and commit the golden file with the catalog.");
        environment.Out.Flush();
        return ExitCodes.CheckFailed;
    }

    /// <summary>golden/NAME.golden.md in the catalog's folder.</summary>
    public static string DefaultGoldenPath(string catalogPath) =>
        Path.Combine(Path.GetDirectoryName(catalogPath) ?? "", GoldenFolder, GoldenSnapshot.FileNameFor(catalogPath));
}
