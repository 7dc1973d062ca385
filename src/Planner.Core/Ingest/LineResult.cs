namespace Planner.Core.Ingest;

/// <summary>What a JSON line turned out to be.</summary>
internal enum LineResult
{
    /// <summary>A request to resolve and price.</summary>
    Row,

    /// <summary>Not a request (another event type): counted, not a row.</summary>
    Skip,

    /// <summary>A bad row: the kind and message say why.</summary>
    Bad,
}
