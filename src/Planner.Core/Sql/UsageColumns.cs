namespace Planner.Core.Sql;

/// <summary>Where the pricing query finds each usage field in the usage table: an SQL expression per field.
/// Immutable; made from a preset (<see cref="Planner"/>, <see cref="OpenAiUsage"/>, <see cref="OpenAiUsageTextOnly"/>)
/// and changed with <see cref="Parse"/>.</summary>
public sealed record UsageColumns
{
    /// <summary>The field of the request's instant (an instant, or ISO-8601 text).</summary>
    public const string TimestampField = "timestamp";

    /// <summary>The field of the request's instant as whole seconds since 1970-01-01 UTC (the Usage API's start_time).</summary>
    public const string UnixSecondsField = "timestamp_unix";

    /// <summary>The model id, alias or snapshot.</summary>
    public const string ModelField = "model";

    /// <summary>How many requests a row stands for (a bucket of the Usage API); absent: one request a row.</summary>
    public const string RequestsField = "requests";

    /// <summary>The preset name of <see cref="Planner"/>.</summary>
    public const string PlannerPreset = "planner";

    /// <summary>The preset name of <see cref="OpenAiUsage"/>.</summary>
    public const string OpenAiUsagePreset = "openai-usage";

    /// <summary>The preset name of <see cref="OpenAiUsageTextOnly"/>.</summary>
    public const string OpenAiUsageTextOnlyPreset = "openai-usage-text-only";

    /// <summary>The expression of the request's instant.</summary>
    public required string Timestamp { get; init; }

    /// <summary>True when <see cref="Timestamp"/> gives whole seconds since 1970-01-01 UTC rather than an instant.</summary>
    public bool TimestampIsUnixSeconds { get; init; }

    /// <summary>The expression of the model name.</summary>
    public required string Model { get; init; }

    /// <summary>The expression of the requests a row stands for, or null for one request a row. Per-request caps
    /// (output cap, context window) are checked only when it is null: a bucket's sums are not one request.</summary>
    public string? Requests { get; init; }

    /// <summary>The expression of each meter's tokens, by <see cref="SqlMeter.Field"/>; a meter not listed counts 0.</summary>
    public required IReadOnlyDictionary<string, string> Meters { get; init; }

    /// <summary>The preset's name, or "custom" once changed.</summary>
    public string Name { get; init; } = PlannerPreset;

    /// <summary>The assumption the mapping makes about its source's columns, or null.</summary>
    public string? Assumption { get; init; }

    /// <summary>Planner's trace format (docs/trace-format.md): each column named after its field, one request a row.</summary>
    public static UsageColumns Planner { get; } = new()
    {
        Timestamp = TimestampField,
        Model = ModelField,
        Meters = SqlMeters.All.ToDictionary(m => m.Field, m => m.Field, StringComparer.Ordinal),
    };

    /// <summary>The OpenAI Usage API export (GET /v1/organization/usage/completions, one row per bucket result), where
    /// input_tokens and output_tokens count every modality and input_tokens includes the cached ones (the current
    /// definition): text input = input_tokens - input_cached_tokens - input_audio_tokens.</summary>
    public static UsageColumns OpenAiUsage { get; } = OpenAi(OpenAiUsagePreset, textOnly: false);

    /// <summary>The same export under the older definition, where input_tokens and output_tokens count text only
    /// (input_tokens still including the cached ones): text input = input_tokens - input_cached_tokens.</summary>
    public static UsageColumns OpenAiUsageTextOnly { get; } = OpenAi(OpenAiUsageTextOnlyPreset, textOnly: true);

    /// <summary>The presets by name.</summary>
    public static IReadOnlyList<UsageColumns> Presets { get; } = [Planner, OpenAiUsage, OpenAiUsageTextOnly];

    /// <summary>Every field a mapping may set.</summary>
    public static IReadOnlyList<string> Fields { get; } =
        [TimestampField, UnixSecondsField, ModelField, RequestsField, .. SqlMeters.All.Select(m => m.Field)];

    /// <summary>Reads a mapping: an optional preset name first, then <c>field=expression</c> pairs, separated by commas
    /// outside parentheses and quotes (<c>openai-usage,model=lower(llm_model)</c>). Starts from <paramref name="start"/>
    /// when no preset is named. Returns null with every problem in <paramref name="errors"/>.</summary>
    public static UsageColumns? Parse(string text, UsageColumns start, out IReadOnlyList<string> errors)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(start);
        var problems = new List<string>();
        var result = start;
        var meters = new Dictionary<string, string>(start.Meters, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var items = SplitTopLevel(text);
        for (int i = 0; i < items.Count; i++)
        {
            string item = items[i].Trim();
            int equals = item.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                var preset = Presets.FirstOrDefault(p => string.Equals(p.Name, item, StringComparison.OrdinalIgnoreCase));
                if (i == 0 && preset is not null)
                {
                    result = preset;
                    meters = new Dictionary<string, string>(preset.Meters, StringComparer.Ordinal);
                }
                else
                {
                    problems.Add(i == 0
                        ? $"columns: unknown preset '{item}'; presets: {string.Join(", ", Presets.Select(p => p.Name))}, or field=expression pairs"
                        : $"columns: '{item}' is not field=expression (a preset may only come first)");
                }

                continue;
            }

            string field = item[..equals].Trim().ToLowerInvariant();
            string expression = item[(equals + 1)..].Trim();
            if (!Fields.Contains(field))
            {
                problems.Add($"columns: unknown field '{field}'; fields: {string.Join(", ", Fields)}");
                continue;
            }

            if (expression.Length == 0)
            {
                problems.Add($"columns: {field} has no expression");
                continue;
            }

            if (!seen.Add(field == UnixSecondsField ? TimestampField : field))
            {
                problems.Add($"columns: {field} is given more than once");
                continue;
            }

            result = field switch
            {
                TimestampField => result with { Timestamp = expression, TimestampIsUnixSeconds = false },
                UnixSecondsField => result with { Timestamp = expression, TimestampIsUnixSeconds = true },
                ModelField => result with { Model = expression },
                RequestsField => result with { Requests = expression },
                _ => result,
            };
            if (SqlMeters.All.Any(m => m.Field == field))
            {
                meters[field] = expression;
            }
        }

        errors = problems;
        if (problems.Count > 0)
        {
            return null;
        }

        bool changed = seen.Count > 0;
        return result with { Meters = meters, Name = changed ? "custom" : result.Name };
    }

    /// <summary>The expression of a meter's tokens ("0" when the mapping has none).</summary>
    public string MeterExpression(SqlMeter meter)
    {
        ArgumentNullException.ThrowIfNull(meter);
        return Meters.TryGetValue(meter.Field, out string? expression) ? expression : "0";
    }

    private static UsageColumns OpenAi(string name, bool textOnly)
    {
        var meters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["input_text_tokens"] = textOnly
                ? "COALESCE(input_tokens, 0) - COALESCE(input_cached_tokens, 0)"
                : "COALESCE(input_tokens, 0) - COALESCE(input_cached_tokens, 0) - COALESCE(input_audio_tokens, 0)",
            ["cached_input_tokens"] = "input_cached_tokens",
            ["input_audio_tokens"] = "input_audio_tokens",
            ["output_text_tokens"] = textOnly ? "output_tokens" : "COALESCE(output_tokens, 0) - COALESCE(output_audio_tokens, 0)",
            ["output_audio_tokens"] = "output_audio_tokens",
        };
        return new UsageColumns
        {
            Name = name,
            Timestamp = "start_time",
            TimestampIsUnixSeconds = true,
            Model = "model",
            Requests = "num_model_requests",
            Meters = meters,
            Assumption = textOnly
                ? "input_tokens and output_tokens count text only (the Usage API's older definition); input_tokens includes input_cached_tokens"
                : "input_tokens and output_tokens count every modality (the Usage API's current definition); input_tokens includes input_cached_tokens",
        };
    }

    private static List<string> SplitTopLevel(string text)
    {
        var items = new List<string>();
        int depth = 0;
        char quote = '\0';
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '\'' or '"' or '`')
            {
                quote = c;
            }
            else if (c == '(')
            {
                depth++;
            }
            else if (c == ')')
            {
                depth--;
            }
            else if (c == ',' && depth == 0)
            {
                items.Add(text[start..i]);
                start = i + 1;
            }
        }

        items.Add(text[start..]);
        return items.Where(s => s.Trim().Length > 0).ToList();
    }
}
