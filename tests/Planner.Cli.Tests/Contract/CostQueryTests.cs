using Planner.Contract;
using Planner.Contract.Queries;

namespace Planner.Cli.Tests.Contract;

public class CostQueryTests
{
    [Fact]
    public void Validate_SeveralBadFields_ReportsEveryOneByFieldName()
    {
        var query = new CostQuery { Model = "", Requests = 0, TextIn = -4, AudioIn = 5, AudioInSeconds = 1, At = "yesterday" };

        query.Validate().Should().Equal(
            new FieldError("model", "model is required, e.g. gpt-audio-mini"),
            new FieldError("requests", "requests must be between 1 and 1,000,000,000,000, got 0"),
            new FieldError("text_in", "text_in must be a token count from 0 to 1,000,000,000 (what one request can carry), got -4"),
            new FieldError("audio_in", "give audio_in or audio_in_seconds, not both"),
            new FieldError("at", "at must be an ISO-8601 date or instant such as 2025-11-01 or 2025-11-01T12:00:00Z, got 'yesterday'"));
    }

    [Fact]
    public void Validate_RequestOfNothing_IsRefused()
    {
        new CostQuery { Model = "gpt-audio-mini" }.Validate().Should().ContainSingle()
            .Which.Message.Should().StartWith("the request has no tokens: give at least one of text_in, cached_in");
    }

    [Fact]
    public void Validate_DefaultsAndOneToken_HasNoErrors()
    {
        var query = new CostQuery { Model = "gpt-audio-mini", TextIn = 1 };

        query.Requests.Should().Be(1, "the CLI's default is one request");
        query.Validate().Should().BeEmpty();
    }

    [Fact]
    public void Cli_SeveralBadFields_PrintsEveryOneAsAFlagInOneLine()
    {
        var result = CliRunner.Run("cost", "--model", "gpt-audio-mini", "--requests", "0", "--audio-in", "5", "--audio-in-seconds", "1");

        result.ExitCode.Should().Be(2);
        result.Error.Should().Be(
            "planner: --requests must be between 1 and 1,000,000,000,000, got 0; give --audio-in or --audio-in-seconds, not both" + Environment.NewLine);
    }
}
