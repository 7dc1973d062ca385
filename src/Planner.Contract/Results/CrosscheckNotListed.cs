namespace Planner.Contract.Results;

/// <summary>A Planner model a reference catalog does not list.</summary>
public sealed record CrosscheckNotListed(string Source, string Model);
