namespace Planner.Core.Catalog;

/// <summary>The API a model serves; a call's turns are billed differently on each.</summary>
public enum ModelApi
{
    /// <summary>Chat Completions: each request carries whatever history the client resends.</summary>
    ChatCompletions,

    /// <summary>The Realtime API: each Response re-bills the whole conversation as input.</summary>
    Realtime,
}
