using System.Globalization;

namespace Planner.Core.Projection;

/// <summary>How many requests a stream sends a day, and how they fall over the day.</summary>
public sealed record Arrivals
{
    /// <summary>The most requests a day a projection accepts: 10^12 (keeps exact decimal sums in range).</summary>
    public const decimal MaxPerDay = 1_000_000_000_000m;

    /// <summary>Mean requests a day at month 1 (before growth and scale). Must be >= 0.</summary>
    public required decimal MeanPerDay { get; init; }

    /// <summary>Standard deviation of a day's count, for <see cref="ArrivalKind.Spread"/>. The default value is 0. Must be 0 to 10^12.</summary>
    public decimal SdPerDay { get; init; }

    /// <summary>How the count varies.</summary>
    public required ArrivalKind Kind { get; init; }

    /// <summary>The busiest hour's share of a day's requests. The default value is 1/24 (traffic spread evenly over the day).</summary>
    public double BusiestHourShare { get; init; } = 1.0 / 24;

    /// <summary>True when the monthly count has no spread.</summary>
    public bool IsExact => Kind == ArrivalKind.Fixed || (Kind == ArrivalKind.Spread && SdPerDay == 0m);

    /// <summary>A fixed count a day.</summary>
    public static Arrivals FixedPerDay(decimal perDay) => new() { MeanPerDay = perDay, Kind = ArrivalKind.Fixed };

    /// <summary>A daily count of mean <paramref name="perDay"/> and standard deviation <paramref name="sd"/>, days independent (fixed when <paramref name="sd"/> is 0).</summary>
    public static Arrivals SpreadPerDay(decimal perDay, decimal sd) =>
        new() { MeanPerDay = perDay, SdPerDay = sd, Kind = sd == 0m ? ArrivalKind.Fixed : ArrivalKind.Spread };

    /// <summary>Poisson arrivals at a mean rate a day.</summary>
    public static Arrivals PoissonPerDay(decimal perDay, double busiestHourShare = 1.0 / 24) =>
        new() { MeanPerDay = perDay, Kind = ArrivalKind.Poisson, BusiestHourShare = busiestHourShare };

    /// <summary>Throws a <see cref="PlannerException"/> for a negative rate or spread.</summary>
    public Arrivals Validate()
    {
        if (MeanPerDay < 0m)
        {
            throw new PlannerException(PlannerErrorKind.InvalidArgument, "requests_per_day", $"requests_per_day must be >= 0, got {MeanPerDay.ToString(CultureInfo.InvariantCulture)}");
        }

        if (MeanPerDay > MaxPerDay)
        {
            throw new PlannerException(PlannerErrorKind.InvalidArgument, "requests_per_day", $"requests_per_day must be at most 1,000,000,000,000, got {MeanPerDay.ToString(CultureInfo.InvariantCulture)}");
        }

        if (SdPerDay < 0m)
        {
            throw new PlannerException(PlannerErrorKind.InvalidArgument, "requests_per_day_sd", $"requests_per_day_sd must be >= 0, got {SdPerDay.ToString(CultureInfo.InvariantCulture)}");
        }

        if (SdPerDay > MaxPerDay)
        {
            throw new PlannerException(PlannerErrorKind.InvalidArgument, "requests_per_day_sd", $"requests_per_day_sd must be at most 1,000,000,000,000, got {SdPerDay.ToString(CultureInfo.InvariantCulture)}");
        }

        if (BusiestHourShare is <= 0 or > 1 || double.IsNaN(BusiestHourShare))
        {
            throw new PlannerException(PlannerErrorKind.InvalidArgument, $"the busiest hour's share of a day must be in (0, 1], got {BusiestHourShare.ToString(CultureInfo.InvariantCulture)}");
        }

        return this;
    }
}
