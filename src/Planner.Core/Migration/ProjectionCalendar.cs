namespace Planner.Core.Migration;

/// <summary>The calendar of a horizon: month k runs from <c>start + (k - 1) months</c> to the day before <c>start + k months</c>.</summary>
public sealed record ProjectionCalendar(DateOnly Start, int Months)
{
    /// <summary>The first day of month <paramref name="month"/> (1-based).</summary>
    public DateOnly FirstDay(int month) => Start.AddMonths(month - 1);

    /// <summary>The first day after month <paramref name="month"/>.</summary>
    public DateOnly EndExclusive(int month) => Start.AddMonths(month);

    /// <summary>The share of month <paramref name="month"/> that falls before <paramref name="day"/>, exactly (days before / days in the month).</summary>
    public decimal ShareBefore(int month, DateOnly day)
    {
        var first = FirstDay(month);
        var end = EndExclusive(month);
        if (day <= first)
        {
            return 0m;
        }

        if (day >= end)
        {
            return 1m;
        }

        return (day.DayNumber - first.DayNumber) / (decimal)(end.DayNumber - first.DayNumber);
    }

    /// <summary>The month holding <paramref name="day"/>, or null when it falls outside the horizon.</summary>
    public int? MonthOf(DateOnly day)
    {
        for (int month = 1; month <= Months; month++)
        {
            if (day >= FirstDay(month) && day < EndExclusive(month))
            {
                return month;
            }
        }

        return null;
    }
}
