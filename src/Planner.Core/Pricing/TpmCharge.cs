using System.Runtime.CompilerServices;
using Planner.Core.Units;

namespace Planner.Core.Pricing;

/// <summary>The one rule for what a request counts against TPM: its input + max_tokens when the request
/// gives max_tokens, else its input + its output (OpenAI reserves max_tokens against TPM).</summary>
public static class TpmCharge
{
    /// <summary>The TPM charge of a request of <paramref name="usage"/> that asked for <paramref name="maxTokens"/> (or none).</summary>
    /// <exception cref="OverflowException">The sum overflows a long.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TokenCount Of(in Usage usage, TokenCount? maxTokens) =>
        Of(usage.InputTokens, usage.OutputTokens, maxTokens);

    /// <summary>The TPM charge of a request with <paramref name="input"/> and <paramref name="output"/> tokens
    /// that asked for <paramref name="maxTokens"/> (or none).</summary>
    /// <exception cref="OverflowException">The sum overflows a long.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TokenCount Of(TokenCount input, TokenCount output, TokenCount? maxTokens) =>
        input + (maxTokens ?? output);
}
