using System.Globalization;
using System.Text;
using Planner.Contract.Results;
using Planner.Core.Units;

namespace Planner.Contract.Csv;

/// <summary>A projection's monthly table as CSV for spreadsheets, from the record (the CLI's --csv and the web's download
/// give the same bytes): one row per model and month, money as plain decimals (at most 6 decimals of a dollar).
/// The model column names the model priced on (for a trace of several models, their ids joined with '+').</summary>
public static class ProjectionCsv
{
    public const string Header = "model,month,expected_requests,mean_usd,p10_usd,p50_usd,p90_usd,p99_usd,standard_error_usd,p_exceed_budget,tier,tiers_by_model,saving_mean_usd,saving_p10_usd,saving_p90_usd";

    public static string ToCsv(ProjectResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder().Append(Header).Append('\n');
        foreach (var target in result.Targets)
        {
            foreach (var m in target.Months)
            {
                var saving = target.Saving?.FirstOrDefault(s => s.Month == m.Month);
                string tiers = string.Join(";", m.Tiers.Select(t => t.Model + ":" + (t.Tier ?? "none")));
                string[] fields =
                [
                    target.AsGiven ? string.Join("+", m.Tiers.Select(t => t.Model)) : target.Model, m.Month.ToString(CultureInfo.InvariantCulture), Plain(m.ExpectedRequests, 2),
                    Money(m.MeanUsd), Money(m.P10Usd), Money(m.P50Usd), Money(m.P90Usd), Money(m.P99Usd), Money(m.StandardErrorUsd),
                    m.PExceedBudget?.ToString("0.####", CultureInfo.InvariantCulture) ?? "",
                    m.OrganizationTier.Tier ?? "none",
                    tiers,
                    saving is null ? "" : Money(saving.MeanUsd), saving is null ? "" : Money(saving.P10Usd), saving is null ? "" : Money(saving.P90Usd),
                ];
                text.AppendJoin(',', fields.Select(Quote)).Append('\n');
            }
        }

        return text.ToString();
    }

    // A projection's figures are estimates: a spreadsheet gets at most 6 decimals of a dollar (and 2 of a
    // request count), never the 24-digit fractions of a 128-bit mean; exact figures stay in the JSON.
    private static string Money(Usd amount) => Plain(amount.Value, 6);

    private static string Plain(decimal value, int decimals) =>
        (Math.Round(value, decimals, MidpointRounding.ToEven) / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
