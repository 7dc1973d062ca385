using Planner.Contract;
using Planner.Contract.Queries;

namespace Planner.Cli.Tests.Contract;

public class ProjectQueryTests
{
    [Fact]
    public void Validate_SeveralBadFields_ReportsEveryOneByFieldName()
    {
        var query = new ProjectQuery { Model = "gpt-audio-mini", RequestsPerDay = -5, Months = 0, Runs = 0, Growth = -100, Scale = -1, Budget = -2, Fit = "gamma", Start = "soon", TextIn = 1 };

        query.Validate(withTrace: false).Where(e => e.Field != "fit" || e.Message.StartsWith("fit must", StringComparison.Ordinal)).Should().Equal(
            new FieldError("requests_per_day", "requests_per_day must be >= 0, got -5"),
            new FieldError("months", "months must be 1 to 600, got 0"),
            new FieldError("runs", "runs must be 1 to 10,000,000, got 0"),
            new FieldError("growth", "growth must be > -100 (percent a month), got -100"),
            new FieldError("scale", "scale must be >= 0, got -1"),
            new FieldError("budget", "budget must be >= 0, got -2"),
            new FieldError("fit", "fit must be 'resample' or 'lognormal', got 'gamma'"),
            new FieldError("start", "start must be a date such as 2027-01-01, got 'soon'"));
    }

    [Theory]
    [InlineData("9999-12-01")]
    [InlineData("3000-01-01")]
    [InlineData("1999-12-31")]
    public void Validate_StartOutsideTheYears2000To2999_IsAStartError(string start)
    {
        var query = new ProjectQuery { Model = "gpt-audio-mini", RequestsPerDay = 1_000, AudioIn = 1, Start = start };

        query.Validate(withTrace: false).Should().Equal(
            new FieldError("start", $"start must be 2000-01-01 to 2999-12-31 (a horizon of up to 600 months must end on a real date), got '{start}'"));
    }

    [Theory]
    [InlineData("2000-01-01")]
    [InlineData("2999-12-31")]
    public void Validate_StartOnTheBounds_IsAccepted(string start)
    {
        new ProjectQuery { Model = "gpt-audio-mini", RequestsPerDay = 1_000, AudioIn = 1, Start = start }.Validate(withTrace: false).Should().BeEmpty();
    }

    [Fact]
    public void Validate_WithoutATrace_NeedsAModelAndADailyVolume_AndRefusesTraceOnlyFields()
    {
        new ProjectQuery { Fit = "lognormal", By = "model" }.Validate().Should().Equal(
            new FieldError("by", "by groups a trace's costs; give it with trace"),
            new FieldError("model", "model is required (or trace), e.g. gpt-audio-mini with requests_per_day 1000"),
            new FieldError("requests_per_day", "requests_per_day is required without trace, e.g. 1000"),
            new FieldError("fit", "fit and skip_invalid apply only with trace"));
    }

    [Fact]
    public void Validate_WithATrace_RefusesARequestShapeBesideIt()
    {
        new ProjectQuery { RequestsPerDay = 10, Fit = "lognormal", By = "model" }.Validate(withTrace: true).Should().Equal(
            new FieldError("requests_per_day", "give trace or a request shape with requests_per_day, not both"));
    }

    [Fact]
    public void Validate_CallVolume_ReportsEveryProblemByFieldName()
    {
        new ProjectQuery { Model = "gpt-audio-mini", CallsPerDay = -1, CallsPerDaySd = -2, MinutesMean = 2_000, UserAudioSeconds = 10 }.Validate().Should().Equal(
            new FieldError("calls_per_day", "calls_per_day must be 0 to 1,000,000,000, got -1"),
            new FieldError("calls_per_day_sd", "calls_per_day_sd must be 0 to 1,000,000,000, got -2"),
            new FieldError("minutes_mean", "minutes_mean must be > 0 and at most 1,440, got 2000"));
    }

    [Theory]
    [InlineData("give trace or a request shape with requests_per_day, not both", "give --trace or a request shape with --requests-per-day, not both")]
    [InlineData("fit and skip_invalid apply only with trace", "--fit and --skip-invalid apply only with --trace")]
    [InlineData("a call shape needs calls_per_day N", "a call shape needs --calls-per-day N")]
    public void CliMessages_NameTheFlags(string message, string cli)
    {
        Planner.Cli.Infrastructure.FieldFlags.Message(new FieldError("requests_per_day", message)).Should().Be(cli);
    }

    [Fact]
    public void Defaults_AreTheCliDefaults()
    {
        var query = new ProjectQuery();

        (query.Months, query.Runs, query.Seed, query.Growth, query.Scale, query.RequestsPerDaySd).Should().Be((12, 10_000, 1, 0m, 1m, 0m));
    }

    [Fact]
    public void Cli_SeveralBadProjectOptions_PrintsEveryOneAsAFlagOnOneLine()
    {
        var result = CliRunner.Run("project", "--model", "gpt-audio-mini", "--requests-per-day", "5", "--text-in", "10", "--months", "0", "--runs", "0");

        result.ExitCode.Should().Be(2);
        result.Error.Should().Be("planner: --months must be 1 to 600, got 0; --runs must be 1 to 10,000,000, got 0" + Environment.NewLine);
    }
}
