using System.Globalization;
using System.Text;
using Planner.Core.Projection;
using Planner.Core.Units;

namespace Planner.Web.Csv;

/// <summary>A projection's monthly table as CSV for spreadsheets: one row per model and month,
/// money as plain decimals (exact when the projection is exact). The model column names the model
/// priced on (for a trace of several models, their ids joined with '+'). The CLI's <c>project --csv</c> and the web's
/// download write these same bytes.</summary>
public static class ProjectionCsv
{
    public const string Header = "model,month,expected_requests,mean_usd,p10_usd,p50_usd,p90_usd,p99_usd,standard_error_usd,p_exceed_budget,tier,tiers_by_model,saving_mean_usd,saving_p10_usd,saving_p90_usd";

    public static void Write(string path, ProjectionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        File.WriteAllText(path, ToCsv(result), new UTF8Encoding(false));
    }

    public static string ToCsv(ProjectionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder().Append(Header).Append('\n');
        foreach (var target in result.Targets)
        {
            foreach (var m in target.Months)
            {
                var saving = target.SavingVersusFirst.FirstOrDefault(s => s.Month == m.Month);
                string tiers = string.Join(";", m.Tiers.Select(t => t.ModelId + ":" + (t.Tier?.Name ?? "none")));
                string[] fields =
                [
                    target.Target.Model is null ? string.Join("+", m.Tiers.Select(t => t.ModelId)) : target.Target.Name, m.Month.ToString(CultureInfo.InvariantCulture), Plain(m.ExpectedRequests, 2),
                    Money(m.Mean), Money(m.P10), Money(m.P50), Money(m.P90), Money(m.P99), Money(m.StandardError),
                    m.ExceedsBudgetProbability?.ToString("0.####", CultureInfo.InvariantCulture) ?? "",
                    m.OrganizationTier?.Name ?? "none",
                    tiers,
                    saving is null ? "" : Money(saving.Mean), saving is null ? "" : Money(saving.P10), saving is null ? "" : Money(saving.P90),
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
