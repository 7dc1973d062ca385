using Planner.Core.Catalog;

namespace Planner.Web;

/// <summary>What every request reads and none changes: the catalog and the options.</summary>
public sealed class Site(ModelCatalog catalog, WebOptions options)
{
    /// <summary>The catalog (immutable, shared by every request).</summary>
    public ModelCatalog Catalog { get; } = catalog;

    /// <summary>The options the server runs with.</summary>
    public WebOptions Options { get; } = options;

    /// <summary>"Now", from the options' clock.</summary>
    public DateTimeOffset Now => Options.Clock();
}
