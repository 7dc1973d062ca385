using System.ComponentModel;
using System.Runtime.InteropServices;
using Planner.Web;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Planner.Cli.Commands;

/// <summary><c>planner serve</c>: the web calculator on the catalog, until Ctrl+C.</summary>
public sealed class ServeCommand(CliEnvironment environment) : Command<ServeCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--port <PORT>")]
        [Description("The TCP port. The default value is 5080. Must be 1 to 65535.")]
        [DefaultValue(WebOptions.DefaultPort)]
        public int Port { get; init; } = WebOptions.DefaultPort;

        [CommandOption("--host <ADDRESS>")]
        [Description("The address to listen on. The default value is 127.0.0.1 (this machine only); 0.0.0.0 serves the network.")]
        [DefaultValue(WebOptions.DefaultHost)]
        public string Host { get; init; } = WebOptions.DefaultHost;

        [CommandOption("--max-upload-mb <MB>")]
        [Description("The largest upload the Your usage page accepts, in MB. The default value is 512.")]
        [DefaultValue(WebOptions.DefaultMaxUploadMegabytes)]
        public int MaxUploadMb { get; init; } = WebOptions.DefaultMaxUploadMegabytes;

        [CommandOption("--catalog <PATH>")]
        [Description("Catalog file to serve. The default value is the bundled data/catalog.json.")]
        public string? Catalog { get; init; }

        public override ValidationResult Validate()
        {
            var problems = new List<string>();
            if (Port is < 1 or > 65_535)
            {
                problems.Add($"--port must be 1 to 65535, got {Port}");
            }

            if (MaxUploadMb is < 1 or > WebOptions.MaxUploadMegabytesLimit)
            {
                problems.Add($"--max-upload-mb must be 1 to {WebOptions.MaxUploadMegabytesLimit:N0}, got {MaxUploadMb}");
            }

            if (!WebOptions.IsListenable(Host))
            {
                problems.Add($"--host must be an IP address or localhost, got '{Host}'");
            }

            return problems.Count == 0 ? ValidationResult.Success() : ValidationResult.Error(string.Join("; ", problems));
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var options = new WebOptions
        {
            CatalogPath = settings.Catalog ?? environment.DefaultCatalogPath,
            Host = settings.Host,
            Port = settings.Port,
            MaxUploadMegabytes = settings.MaxUploadMb,
            Clock = environment.Clock,
        };
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        var app = PlannerWeb.Build(options);
        try
        {
            app.StartAsync(stop.Token).GetAwaiter().GetResult();
        }
        catch (IOException e)
        {
            // Kestrel reports a port in use as an IOException: an input problem (exit 2), not a bug.
            throw new Planner.Core.PlannerException(Planner.Core.PlannerErrorKind.InvalidArgument, $"cannot listen on {settings.Host}:{settings.Port}: {e.Message}");
        }

        environment.Out.WriteLine($"Planner is serving {PlannerWeb.Address(app)} (catalog {options.CatalogPath}); press Ctrl+C to stop.");
        environment.Out.Flush();
        stop.Token.WaitHandle.WaitOne();
        app.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
        ((IDisposable)app).Dispose();
        environment.Out.WriteLine("Planner stopped.");
        return ExitCodes.Success;

        void Stop(PosixSignalContext signal)
        {
            signal.Cancel = true;
            stop.Cancel();
        }
    }
}
