using System.Text.Json.Serialization;

namespace Planner.Contract.Results;

/// <summary>One figure on which a reference and Planner disagree. <see cref="Kind"/>: price, missing_meter, extra_meter,
/// context_window or max_output_tokens; the figures are text as each side gives them ("24", "none").</summary>
public sealed record CrosscheckDisagreementRow(string Source, string Model, string Field, string Kind, string Planner, string Reference, string ReferencePath)
{
    /// <summary>The field as a table shows it ("audio_output (missing)").</summary>
    [JsonIgnore]
    public string Label => Kind switch
    {
        "missing_meter" => Field + " (missing)",
        "extra_meter" => Field + " (extra)",
        _ => Field,
    };
}
