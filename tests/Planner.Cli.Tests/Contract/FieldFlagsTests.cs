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
    [MemberData(nameof(QueryFields))]
    public void EveryQueryField_HasAFlag(string query, string field)
    {
        FieldFlags.Table.Should().ContainKey(field, $"{query}.{field} needs a row in FieldFlags, so its errors name a flag on the command line");
    }

    [Fact]
    public void Message_OwnFieldAndSnakeCaseFields_BecomeFlags()
    {
        FieldFlags.Message(new FieldError("requests", "requests must be between 1 and 1,000,000,000,000, got 0"))
            .Should().Be("--requests must be between 1 and 1,000,000,000,000, got 0");
        FieldFlags.Message(new FieldError("audio_in", "give audio_in or audio_in_seconds, not both"))
            .Should().Be("give --audio-in or --audio-in-seconds, not both");
    }

    [Fact]
    public void Message_OrdinaryWordsThatAreAlsoFieldNames_StayWords()
    {
        // "model" and "at" are fields, but only the error's own field is rewritten when it has no underscore.
        FieldFlags.Message(new FieldError("text_in", "text_in must be at most the model's cap"))
            .Should().Be("--text-in must be at most the model's cap");
    }
}
