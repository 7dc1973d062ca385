namespace Planner.Core.Traces;

/// <summary>The stable reason keys of <see cref="TraceRejection.Kind"/>.</summary>
public static class TraceRejectionKinds
{
    /// <summary>A required field (timestamp, model) is empty, or the row ends before a column that is read.</summary>
    public const string MissingField = "missing_field";

    /// <summary>A field that does not parse: not a whole number, not an ISO-8601 instant.</summary>
    public const string UnparsableField = "unparsable_field";

    /// <summary>A quoted field not closed on its line, or text after a closing quote.</summary>
    public const string MalformedQuoting = "malformed_quoting";

    /// <summary>A token count or duration below zero.</summary>
    public const string NegativeCount = "negative_count";

    /// <summary>A model name the catalog does not know.</summary>
    public const string UnknownModel = "unknown_model";

    /// <summary>A request over the model's output cap or context window (max_tokens included).</summary>
    public const string OverCap = "over_cap";

    /// <summary>max_tokens below the output the row reports: a response cannot exceed max_tokens.</summary>
    public const string MaxTokensBelowOutput = "max_tokens_below_output";

    /// <summary>No price at the row's timestamp: before the model's first price, or after its shutdown.</summary>
    public const string NoPrice = "no_price";

    /// <summary>A row dated before the previous valid row: traces must be in time order.</summary>
    public const string OutOfOrder = "out_of_order";

    /// <summary>Tokens on a meter the row's model has no price for (never billed as free).</summary>
    public const string UnpricedMeter = "unpriced_meter";
}
