using Planner.Core.Catalog;
using Planner.Core.Units;

namespace Planner.Core.Pricing;

/// <summary>Checks a request against a model's output cap and context window.</summary>
public static class RequestCaps
{
    /// <summary>The first cap the usage breaks, or <see cref="RequestViolation.None"/>. Allocation-free.</summary>
    public static RequestViolation Check(ModelSpec model, in Usage usage)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Check(model, usage.InputTokens.Value, usage.OutputTokens.Value);
    }

    /// <summary>The first cap a request of <paramref name="input"/> and <paramref name="output"/> tokens breaks (a reader
    /// that summed them while parsing), or <see cref="RequestViolation.None"/>.</summary>
    internal static RequestViolation Check(ModelSpec model, long input, long output)
    {
        if (output > model.MaxOutputTokens.Value)
        {
            return RequestViolation.OutputCap;
        }

        long total = checked(input + output);
        return total > model.ContextWindow.Value ? RequestViolation.ContextWindow : RequestViolation.None;
    }

    /// <summary>Throws a <see cref="PlannerException"/> naming the model, the figure and the cap when the usage breaks one.</summary>
    public static void Ensure(ModelSpec model, in Usage usage)
    {
        var violation = Check(model, usage);
        if (violation != RequestViolation.None)
        {
            throw new PlannerException(violation == RequestViolation.OutputCap ? PlannerErrorKind.OutputCapExceeded : PlannerErrorKind.ContextWindowExceeded,
                Describe(model, usage, violation));
        }
    }

    /// <summary>"output of 20,000 tokens exceeds gpt-audio-mini's 16,384-token output cap".</summary>
    public static string Describe(ModelSpec model, in Usage usage, RequestViolation violation)
    {
        ArgumentNullException.ThrowIfNull(model);
        return violation switch
        {
            RequestViolation.OutputCap =>
                $"output of {N(usage.OutputTokens.Value)} tokens exceeds {model.Id}'s {N(model.MaxOutputTokens.Value)}-token output cap",
            RequestViolation.ContextWindow =>
                $"input of {N(usage.InputTokens.Value)} + output of {N(usage.OutputTokens.Value)} = {N(usage.TotalTokens.Value)} tokens exceeds {model.Id}'s {N(model.ContextWindow.Value)}-token context window",
            _ => "within the caps",
        };
    }

    private static string N(long value) => value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}
