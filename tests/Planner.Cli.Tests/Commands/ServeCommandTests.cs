namespace Planner.Cli.Tests.Commands;

public class ServeCommandTests
{
    [Fact]
    public void BadOptions_AreEveryOneReported_WithExit2()
    {
        var result = CliRunner.Run("serve", "--port", "70000", "--max-upload-mb", "0", "--host", "example.com");

        result.ExitCode.Should().Be(2);
        result.Error.Should().Be("planner: --port must be 1 to 65535, got 70000; --max-upload-mb must be 1 to 1,048,576, got 0; --host must be an IP address or localhost, got 'example.com'" + Environment.NewLine);
    }

    [Fact]
    public void Help_NamesTheDefaults()
    {
        var result = CliRunner.Run("serve", "--help");

        result.ExitCode.Should().Be(0);
        result.Output.Should().Contain("--port").And.Contain("5080").And.Contain("127.0.0.1").And.Contain("--max-upload-mb");
    }
}
