using System.Globalization;
using Microsoft.AspNetCore.Http;
using Planner.Contract;
using Planner.Web.Api;

namespace Planner.Web.Forms;

/// <summary>A page's state as read from its query string: typed values by their snake_case names, and every
/// problem with them at once (a message beside each field, naming the field as the API does).</summary>
public sealed class FormValues(IQueryCollection query)
{
    private readonly List<FieldError> _errors = [];

    /// <summary>Every problem found so far.</summary>
    public IReadOnlyList<FieldError> Errors => _errors;

    /// <summary>True when the page was submitted (any field present), so an empty first visit shows no errors.</summary>
    public bool Submitted => query.Count > 0;

    /// <summary>The raw text of a field as given (for redisplay), or null.</summary>
    public string? Raw(string name) => query.TryGetValue(name, out var values) && !string.IsNullOrWhiteSpace(values.ToString()) ? values.ToString().Trim() : null;

    /// <summary>Adds a problem with a field.</summary>
    public void Error(string field, string message) => _errors.Add(new FieldError(field, message));

    /// <summary>Adds problems found elsewhere (a query's own validation).</summary>
    public void AddErrors(IEnumerable<FieldError> errors) => _errors.AddRange(errors);

    /// <summary>A refusal from Core: beside its field when it names one the form has (a model it refuses, beside
    /// <paramref name="modelField"/>), and null; otherwise its message, for the page's banner.</summary>
    public string? Refusal(Planner.Core.PlannerException refusal, IReadOnlyCollection<string> fields, string? modelField = "model")
    {
        ArgumentNullException.ThrowIfNull(refusal);
        ArgumentNullException.ThrowIfNull(fields);
        string? field = refusal.Field is { } named && fields.Contains(named) ? named
            : refusal.Kind is Planner.Core.PlannerErrorKind.UnknownModel or Planner.Core.PlannerErrorKind.AfterShutdown or Planner.Core.PlannerErrorKind.BeforeRelease
                or Planner.Core.PlannerErrorKind.BeforeFirstPrice && modelField is not null && fields.Contains(modelField) ? modelField
            : null;
        if (field is null)
        {
            return refusal.Message;
        }

        Error(field, refusal.Message);
        return null;
    }

    /// <summary>The first message about a field, or null.</summary>
    public string? ErrorFor(string field) => _errors.FirstOrDefault(e => e.Field == field)?.Message;

    /// <summary>A text field, or <paramref name="fallback"/>.</summary>
    public string Text(string name, string fallback = "") => Raw(name) ?? fallback;

    /// <summary>A comma-separated list (names trimmed, empty entries dropped).</summary>
    public IReadOnlyList<string> List(string name) =>
        (Raw(name) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>A decimal from <paramref name="min"/> to <paramref name="max"/>, or null when absent.</summary>
    public decimal? Decimal(string name, decimal min, decimal max)
    {
        if (Raw(name) is not { } text)
        {
            return null;
        }

        if (!decimal.TryParse(text.Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out decimal value))
        {
            Error(name, $"{name} must be a number, got '{Shorten(text)}'");
            return null;
        }

        if (value < min || value > max)
        {
            Error(name, $"{name} must be {Show(min)} to {Show(max)}, got {Show(value)}");
            return null;
        }

        return value;
    }

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>, or null when absent.</summary>
    public long? Long(string name, long min, long max)
    {
        if (Raw(name) is not { } text)
        {
            return null;
        }

        if (!long.TryParse(text.Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value))
        {
            Error(name, $"{name} must be a whole number, got '{Shorten(text)}'");
            return null;
        }

        if (value < min || value > max)
        {
            Error(name, $"{name} must be {Show(min)} to {Show(max)}, got {Show(value)}");
            return null;
        }

        return value;
    }

    /// <summary>Seconds of audio, checked as Core checks them, or null when absent.</summary>
    public decimal? Seconds(string name)
    {
        if (Decimal(name, 0, 1_000_000_000) is not { } seconds)
        {
            return null;
        }

        if (!Planner.Core.Units.AudioDuration.TryFromSeconds(seconds, out _, out string? error))
        {
            Error(name, $"{name} {error}");
            return null;
        }

        return seconds;
    }

    /// <summary>A date (yyyy-MM-dd), or null when absent.</summary>
    public DateOnly? Date(string name)
    {
        if (Raw(name) is not { } text)
        {
            return null;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            Error(name, $"{name} must be a date such as 2026-12-01, got '{Shorten(text)}'");
            return null;
        }

        return day;
    }

    private static string Show(decimal value) => value.ToString("#,0.##########", CultureInfo.InvariantCulture);

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";
}
