using System.Reflection;
using System.Text.Json;
using Planner.Cli.Infrastructure;
using Planner.Contract;
using Planner.Contract.Queries;

namespace Planner.Cli.Tests.Contract;

public class FieldFlagsTests
{
    /// <summary>Every field of every query in Planner.Contract.Queries, by its wire name.</summary>
    public static TheoryData<string, string> QueryFields()
    {
        var data = new TheoryData<string, string>();
        var queries = typeof(RequestShapeQuery).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(RequestShapeQuery).Namespace && t.Name.EndsWith("Query", StringComparison.Ordinal) && t.IsPublic);
        foreach (var query in queries)
        {
            foreach (var property in query.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
            {
                data.Add(query.Name, JsonNamingPolicy.SnakeCaseLower.ConvertName(property.Name));
            }
        }

        return data;
    }

    [Theory]
    [InlineData("at most 0.79% above the true value", "at most 0.79% above the true value")]
    [InlineData("tier 2 carries it; set usage_input_tokens to text", "tier 2 carries it; set --usage-input-tokens to text")]
    [InlineData("latency model (not documented by OpenAI); set with `ttft`", "latency model (not documented by OpenAI); set with --ttft")]
    [InlineData("detected unless `format` named it; an `unknown` word stays", "detected unless --format named it; an `unknown` word stays")]
    [InlineData("an assumption (override with audio_in_rate / audio_out_rate)", "an assumption (override with --audio-in-rate / --audio-out-rate)")]
    public void InProse_RenamesOnlySnakeCaseFieldNames(string prose, string expected)
    {
        FieldFlags.InProse(prose).Should().Be(expected);
    }

    [Fact]
    public void Cli_SimulateAssumptions_KeepTheirEnglish()
    {
        var result = CliRunner.Run("simulate", "data/traces/voice-support-day.csv", "--tier", "2");

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().Contain("queue_delay_percentiles = at most").And.NotContain("= --at most");
    }

    [Fact]
    public void Cli_SimulateAssumptions_NameTheFlags_WhereTheContractNamesFields()
    {
        var result = CliRunner.Run("simulate", "data/traces/voice-support-day.csv", "--tier", "2");

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().Contain("set with --ttft").And.Contain("set with --output-tps").And.Contain("set with --burst-window").And.NotContain("`");
    }

    [Fact]
    public void EveryQuery_ValidatesItselfThroughIQuery()
    {
        var queries = typeof(RequestShapeQuery).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(RequestShapeQuery).Namespace && t.Name.EndsWith("Query", StringComparison.Ordinal) && t.IsPublic && !t.IsInterface)
            .ToList();

        queries.Should().HaveCountGreaterThan(10);
        queries.Should().AllSatisfy(q => q.Should().BeAssignableTo<IQuery>("the web validates every query it binds through IQuery.Validate()"));
    }

    [Theory]
    [MemberData(nameof(QueryFields))]
    public void EveryQueryField_HasAFlag(string query, string field)
    {
        FieldFlags.Table.Should().ContainKey(field, $"{query}.{field} needs a row in FieldFlags, so its errors name a flag on the command line");
    }

    public static TheoryData<string, string, string, string> RequiredFieldMessages() => new()
    {
        // query, field, the web's text, the CLI's text
        { "call", "model", "model is required, e.g. gpt-realtime-2.1-mini", "--model is required, e.g. gpt-realtime-2.1-mini" },
        { "call", "turns", "turns or minutes is required, e.g. 8 turns or 4 minutes", "--turns or --minutes is required, e.g. 8 turns or 4 minutes" },
        { "conversation", "model", "model is required, e.g. gpt-audio-mini", "--model is required, e.g. gpt-audio-mini" },
        { "capacity", "tier", "tier is required, e.g. 1", "--tier is required, e.g. 1" },
        { "simulate", "tier", "tier is required, e.g. 1", "--tier is required, e.g. 1" },
        { "project", "model", "model is required (or trace), e.g. gpt-audio-mini with requests_per_day 1000", "--model is required (or --trace), e.g. gpt-audio-mini with --requests-per-day 1000" },
        { "project", "requests_per_day", "requests_per_day is required without trace, e.g. 1000", "--requests-per-day is required without --trace, e.g. 1000" },
        { "migrate", "from_model", "from_model is required with a shape, e.g. gpt-audio-mini", "--from is required with a shape, e.g. gpt-audio-mini" },
    };

    private static IReadOnlyList<FieldError> Errors(string query) => query switch
    {
        "call" => new CallQuery().Validate(),
        "conversation" => new ConversationQuery().Validate(),
        "capacity" => new CapacityQuery { Model = "gpt-audio-mini", AudioIn = 5 }.Validate(),
        "simulate" => new SimulateQuery().Validate(),
        "project" => new ProjectQuery().Validate(withTrace: false),
        "migrate" => new MigrateQuery { RequestsPerDay = 10, AudioIn = 10, ToModels = "gpt-audio" }.Validate(withTrace: false),
        _ => throw new ArgumentOutOfRangeException(nameof(query)),
    };

    [Theory]
    [MemberData(nameof(RequiredFieldMessages))]
    public void RequiredFieldMessages_ReadWellAsFieldTextAndAsFlags(string query, string field, string web, string cli)
    {
        var error = Errors(query).First(e => e.Field == field && e.Message.Contains("is required", StringComparison.Ordinal));

        error.Message.Should().Be(web, "the web shows it beside the field: the example is a value, not the field's name again");
        FieldFlags.Message(error).Should().Be(cli);
    }

    [Theory]
    [InlineData("requests", "requests must be between 1 and 1,000,000,000,000, got 0", "--requests must be between 1 and 1,000,000,000,000, got 0")]
    [InlineData("audio_in", "give audio_in or audio_in_seconds, not both", "give --audio-in or --audio-in-seconds, not both")]
    [InlineData("models", "models needs at least two models, e.g. models gpt-audio,gpt-audio-mini (or leave it out)",
        "--models needs at least two models, e.g. --models gpt-audio,gpt-audio-mini (or leave it out)")]
    [InlineData("at", "at must be an ISO-8601 date, got 'at'", "--at must be an ISO-8601 date, got 'at'")]
    [InlineData("model", "model is required, e.g. gpt-audio-mini", "--model is required, e.g. gpt-audio-mini")]
    [InlineData("text_in", "text_in must be at most the model's cap", "--text-in must be at most the model's cap")]
    public void Message_FieldNamesBecomeFlags_OrdinaryWordsStay(string field, string message, string expected)
    {
        FieldFlags.Message(new FieldError(field, message)).Should().Be(expected);
    }
}
