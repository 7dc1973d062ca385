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
        string catalogName = Path.GetFileName(catalogPath);
        if (settings.Catalog is null && !settings.Json)
        {
            // Say which file a bare "planner verify" checked: the repository's source, or the bundled copy.
            environment.Out.WriteLine(environment.SourceCatalogPath is not null
                ? $"Checking {catalogPath} (the catalog in this folder)."
                : $"Checking {catalogPath}, the copy bundled with planner (no data/catalog.json in this folder); to check the repository's catalog, run planner verify from its root or give its path.");
        }

        if (settings.UpdateGolden)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(goldenFile))!);
            File.WriteAllText(goldenFile, GoldenSnapshot.Render(catalog, catalogName));
            if (settings.Json)
            {
                WriteJson(catalogPath, goldenPath, catalog.Models.Count, GoldenSnapshot.Of(catalog).Count, [], updated: true);
                return ExitCodes.Success;
            }

            environment.Out.WriteLine($"{catalogPath}: valid; wrote {GoldenSnapshot.Of(catalog).Count} figures to {goldenPath}. Review the diff and commit it with the catalog.");
            environment.Out.Flush();
            return ExitCodes.Success;
        }

        if (!File.Exists(goldenFile))
        {
            throw new PlannerException(PlannerErrorKind.InvalidArgument,
                $"{goldenPath}: golden snapshot not found; create it with: planner verify {catalogPath} --update-golden");
        }

        var golden = GoldenSnapshot.Parse(File.ReadAllText(goldenFile), goldenPath);
        var actual = GoldenSnapshot.Of(catalog);
        var mismatches = GoldenSnapshot.Compare(golden, actual);
        if (settings.Json)
        {
            WriteJson(catalogPath, goldenPath, catalog.Models.Count, actual.Count, mismatches.Select(m => m.ToString()).ToList(), updated: false);
            return mismatches.Count == 0 ? ExitCodes.Success : ExitCodes.CheckFailed;
        }

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

    private void WriteJson(string catalogPath, string goldenPath, int models, int figures, IReadOnlyList<string> mismatches, bool updated) =>
        Rendering.JsonOutput.Write(environment.Out, w =>
        {
            w.WriteStartObject();
            w.WriteString("catalog", catalogPath);
            w.WriteBoolean("bundled_copy", environment.SourceCatalogPath is null && catalogPath == environment.BundledCatalogPath);
            w.WriteString("golden", goldenPath);
            w.WriteBoolean("valid", true);
            w.WriteBoolean("golden_updated", updated);
            w.WriteNumber("models", models);
            w.WriteNumber("figures", figures);
            w.WriteBoolean("matches", mismatches.Count == 0);
            w.WriteStartArray("mismatches");
            foreach (string mismatch in mismatches)
            {
                w.WriteStringValue(mismatch);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });

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
