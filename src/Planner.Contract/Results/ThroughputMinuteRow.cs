namespace Planner.Contract.Results;

/// <summary>One UTC minute of one model: the requests admitted in it and their TPM charge (input tokens plus max_tokens
/// when the row gives it, else its output: what OpenAI counts).</summary>
public sealed record ThroughputMinuteRow(DateTimeOffset Minute, long Requests, long Tokens);
