namespace Planner.Contract.Results;

/// <summary>A reference catalog of a crosscheck: its name ("LiteLLM", "genai-prices") and file as named.</summary>
public sealed record CrosscheckSource(string Source, string File);
