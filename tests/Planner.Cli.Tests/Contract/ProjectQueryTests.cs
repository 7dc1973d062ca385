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
