namespace Planner.Core.Traces;

/// <summary>What requests can be grouped by (the Usage API's group-by fields Planner reports on).</summary>
public enum UsageGroupBy
{
    /// <summary>project_id.</summary>
    Project,

    /// <summary>api_key_id.</summary>
    ApiKey,

    /// <summary>user_id.</summary>
    User,

    /// <summary>The billing model id (snapshot id, else model id).</summary>
    Model,
}
