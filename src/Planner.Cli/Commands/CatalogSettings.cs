using System.ComponentModel;
using Spectre.Console.Cli;

namespace Planner.Cli.Commands;

/// <summary>Options every catalog-reading command shares.</summary>
public class CatalogSettings : CommandSettings
{
    [CommandOption("--catalog <PATH>")]
    [Description("Catalog file to use. The default value is the bundled data/catalog.json.")]
    public string? Catalog { get; init; }

    [CommandOption("--json")]
    [Description("Write JSON for machines instead of tables.")]
    public bool Json { get; init; }
}
