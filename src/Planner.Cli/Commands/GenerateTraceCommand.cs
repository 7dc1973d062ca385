using System.ComponentModel;
using System.Globalization;
using Planner.Core.Traces;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Planner.Cli.Commands;

/// <summary><c>planner generate-trace</c>: a synthetic trace of a voice-support product, deterministic for a seed.</summary>
public sealed class GenerateTraceCommand(CliEnvironment environment) : Command<GenerateTraceCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--rows <N>")]
        [Description("Rows to write. Must be >= 1.")]
        public long Rows { get; init; }

        [CommandOption("--seed <S>")]
        [Description("Seeds every random draw: the same seed gives the same file. The default value is 1.")]
        [DefaultValue(1)]
        public int Seed { get; init; } = 1;

        [CommandOption("--out <FILE>")]
        [Description("The CSV file to write (replaced if it exists).")]
        public string Out { get; init; } = "";

        [CommandOption("--start <DATE>")]
        [Description("The first UTC day, yyyy-MM-dd. The default value is 2026-01-15.")]
        public string? Start { get; init; }

        [CommandOption("--days <D>")]
        [Description("Days the arrivals spread over. The default value is 1. Must be >= 1 and at most 3,660.")]
        [DefaultValue(1)]
        public int Days { get; init; } = 1;

        [CommandOption("--surge-at <HH:MM>")]
        [Description("Add a surge (an incident: many more calls for a while) starting at this UTC time of the first day. The default is none.")]
        public string? SurgeAt { get; init; }

        [CommandOption("--surge-minutes <M>")]
        [Description("How long the surge lasts, in minutes. The default value is 20.")]
        [DefaultValue(20)]
        public int SurgeMinutes { get; init; } = 20;

        [CommandOption("--surge-factor <F>")]
        [Description("How many times the usual arrival rate the surge brings. The default value is 10.")]
        [DefaultValue(10.0)]
        public double SurgeFactor { get; init; } = 10;

        [CommandOption("--json")]
        [Description("Write what was generated as JSON (file, rows, seed, first and last request) instead of a line on stderr.")]
        public bool Json { get; init; }

        public override ValidationResult Validate()
        {
            if (SurgeAt is not null && !TimeOnly.TryParseExact(SurgeAt, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                return ValidationResult.Error($"--surge-at must be a time HH:mm, got '{SurgeAt}'");
            }

            if (Rows < 1)
            {
                return ValidationResult.Error($"--rows must be >= 1, got {Rows}");
            }

            if (string.IsNullOrWhiteSpace(Out))
            {
                return ValidationResult.Error("--out is required, e.g. --out trace.csv");
            }

            if (Start is not null && !DateOnly.TryParseExact(Start, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                return ValidationResult.Error($"--start must be a date yyyy-MM-dd, got '{Start}'");
            }

            return Days < 1 ? ValidationResult.Error($"--days must be >= 1, got {Days}") : ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var options = new TraceGeneratorOptions
        {
            Rows = settings.Rows,
            Seed = settings.Seed,
            Days = settings.Days,
            SurgeAt = settings.SurgeAt is { } at ? TimeOnly.ParseExact(at, "HH:mm", CultureInfo.InvariantCulture).ToTimeSpan() : null,
            SurgeLength = TimeSpan.FromMinutes(settings.SurgeMinutes),
            SurgeFactor = settings.SurgeFactor,
        };
        if (settings.Start is { } start)
        {
            options = options with { Start = DateOnly.ParseExact(start, "yyyy-MM-dd", CultureInfo.InvariantCulture) };
        }

        var problems = options.Problems();
        if (problems.Count > 0)
        {
            // Each problem starts with its field's name (rows, days): the CLI shows the flag.
            throw new Planner.Core.PlannerException(Planner.Core.PlannerErrorKind.InvalidArgument,
                string.Join("; ", problems.Select(p => Infrastructure.FieldFlags.Message(new Planner.Contract.FieldError(p.Split(' ')[0], p)))));
        }

        TraceGenerator.Write(settings.Out, options);
        if (settings.Json)
        {
            var result = new Planner.Contract.Results.GenerateTraceResult
            {
                File = settings.Out,
                Rows = settings.Rows,
                Seed = settings.Seed,
                Days = settings.Days,
                Start = options.Start,
            };
            Planner.Contract.Json.PlannerJson.Write(environment.Out, result, Planner.Contract.Json.PlannerJson.Context.GenerateTraceResult);
            return ExitCodes.Success;
        }

        environment.Error.WriteLine($"wrote {settings.Rows.ToString("N0", CultureInfo.InvariantCulture)} rows to {settings.Out} (seed {settings.Seed})");
        return ExitCodes.Success;
    }
}
