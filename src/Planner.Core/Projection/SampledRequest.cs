using Planner.Core.Pricing;

namespace Planner.Core.Projection;

/// <summary>One request kept in a learner's sample (<see cref="RequestSample"/>): where it sits in the input (its instant,
/// and its rank among the requests at that instant in a row), its sampling key, its usage and its TPM charge.</summary>
/// <param name="Key">The sampling key: a seeded hash of the request's place and tokens (<see cref="KeyOf"/>).</param>
/// <param name="Ticks">The request's instant, in UTC ticks.</param>
/// <param name="Rank">How many requests came right before it at the same instant (0 for the first of a run).</param>
/// <param name="Usage">Its tokens.</param>
/// <param name="Charge">Its TPM charge.</param>
internal readonly record struct SampledRequest(ulong Key, long Ticks, long Rank, Usage Usage, long Charge)
{
    private const ulong Golden = 0x9E3779B97F4A7C15;

    /// <summary>The key of the seed: every key of one seed starts from it.</summary>
    public static ulong SeedKey(int seed) => Mix(unchecked((ulong)seed + Golden));

    /// <summary>The sampling key of a request: SplitMix64's finalizer over its instant, its rank in the run of requests
    /// at that instant and its tokens. The instant and rank name the request in the input whichever way it was split
    /// into chunks (they are known inside a chunk, unlike its line); the tokens tell apart requests of an input that is
    /// not in time order and so meets one instant in more than one run.</summary>
    public static ulong KeyOf(ulong seedKey, long ticks, long rank, in Usage usage, long charge)
    {
        unchecked
        {
            ulong h = Mix(seedKey ^ (ulong)ticks);
            ulong acc = h + ((ulong)rank * 0xD6E8FEB86659FD93) + ((ulong)charge * 0xA0761D6478BD642F);
            ReadOnlySpan<long> tokens = usage.TokensRef;
            ulong weight = 0xE7037ED1A0B428DB;
            for (int m = 0; m < tokens.Length; m++)
            {
                acc += (ulong)tokens[m] * weight;
                weight += 0x8EBC6AF09C88C6E3;
            }

            return Mix(acc);
        }
    }

    /// <summary>Whether this request is kept before <paramref name="other"/>: the smaller key, ties broken by the order
    /// of the input (<see cref="CompareInInputOrder"/>), so the k kept are the same however the input was split.</summary>
    public bool KeptBefore(in SampledRequest other) =>
        Key != other.Key ? Key < other.Key : CompareInInputOrder(this, other) < 0;

    /// <summary>The order of the input: by instant, then rank, then tokens and charge (requests equal in all of them are
    /// interchangeable: nothing learned from them tells them apart).</summary>
    public static int CompareInInputOrder(SampledRequest a, SampledRequest b)
    {
        int c = a.Ticks.CompareTo(b.Ticks);
        if (c != 0)
        {
            return c;
        }

        c = a.Rank.CompareTo(b.Rank);
        if (c != 0)
        {
            return c;
        }

        ReadOnlySpan<long> x = a.Usage.TokensRef;
        ReadOnlySpan<long> y = b.Usage.TokensRef;
        for (int m = 0; m < x.Length; m++)
        {
            c = x[m].CompareTo(y[m]);
            if (c != 0)
            {
                return c;
            }
        }

        return a.Charge.CompareTo(b.Charge);
    }

    private static ulong Mix(ulong z)
    {
        unchecked
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
            return z ^ (z >> 31);
        }
    }
}
