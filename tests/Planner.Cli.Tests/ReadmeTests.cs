using System.Text.RegularExpressions;

namespace Planner.Cli.Tests;

/// <summary>Every calculator example in the README runs and succeeds, so the README never goes stale.</summary>
public partial class ReadmeTests
{
    private static readonly string Readme = File.ReadAllText(FindReadme());

    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (Match block in CodeBlockRegex().Matches(Readme))
        {
            foreach (var line in block.Groups[1].Value.Split('\n'))
            {
                string command = line.Trim();
                if (command.StartsWith("planner ", StringComparison.Ordinal) || command.StartsWith("dotnet run --project src/Planner.Cli -- ", StringComparison.Ordinal))
                {
                    data.Add(command);
                }
            }
        }

        return data;
    }

    [Fact]
    public void Readme_OpensWithTheTwoCommands()
    {
        var first = CodeBlockRegex().Match(Readme).Groups[1].Value.Trim().Split('\n');

        first.Should().HaveCount(2);
        first[0].Should().StartWith("dotnet run --project src/Planner.Cli -- ");
        first[1].Should().Be("dotnet test");
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Readme_Example_Succeeds(string command)
    {
        var args = Tokenize(command);
        string tempDir = Path.Combine(Path.GetTempPath(), "planner-readme-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(tempDir);
        try
        {
            // Output files (--chart, --csv, --out) go to a temp folder; repo files (data/...) are found from the repo root.
            args = args.Select((a, i) =>
                i > 0 && args[i - 1] is "--chart" or "--csv" or "--out" ? Path.Combine(tempDir, Path.GetFileName(a)) :
                a.StartsWith("data/", StringComparison.Ordinal) ? Path.Combine(RepoRoot(), a) : a).ToArray();
            var result = CliRunner.Run(args);

            result.ExitCode.Should().BeOneOf([0, 1], $"'{command}' should run (1 only where the README says a check fails): {result.Error}");
            result.Error.Should().NotContain("internal error");
        }
        finally
        {
            Directory.Delete(tempDir, recursive: true);
        }
    }

    private static string[] Tokenize(string command)
    {
        string rest = command.StartsWith("planner ", StringComparison.Ordinal) ? command["planner ".Length..] : command["dotnet run --project src/Planner.Cli -- ".Length..];
        return TokenRegex().Matches(rest).Select(m => m.Value.Trim('\'', '"')).ToArray();
    }

    private static string RepoRoot() => Path.GetDirectoryName(FindReadme())!;

    private static string FindReadme()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "README.md");
            if (File.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "Planner.sln")))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("README.md not found above the test binaries");
    }

    [GeneratedRegex(@"```sh\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlockRegex();

    [GeneratedRegex(@"'[^']*'|""[^""]*""|\S+")]
    private static partial Regex TokenRegex();
}
