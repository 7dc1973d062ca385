using System.Globalization;
using System.Net;

namespace Planner.Web;

/// <summary>How <c>planner serve</c> runs: where it listens, what it accepts, and which catalog it serves.</summary>
public sealed record WebOptions
{
    /// <summary>The default port: 5080.</summary>
    public const int DefaultPort = 5080;

    /// <summary>The default address: loopback only.</summary>
    public const string DefaultHost = "127.0.0.1";

    /// <summary>The default upload limit in megabytes: 512.</summary>
    public const int DefaultMaxUploadMegabytes = 512;

    /// <summary>The largest upload limit accepted, in megabytes (1 TB).</summary>
    public const int MaxUploadMegabytesLimit = 1_048_576;

    /// <summary>The catalog file every page and endpoint uses (loaded and validated once, at start).</summary>
    public required string CatalogPath { get; init; }

    /// <summary>The address to bind. The default value is 127.0.0.1 (loopback).</summary>
    public string Host { get; init; } = DefaultHost;

    /// <summary>The TCP port. The default value is 5080; 0 picks a free port (tests). Must be 0 to 65535.</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>The largest upload, in megabytes. The default value is 512. Must be 1 to 1,048,576.</summary>
    public int MaxUploadMegabytes { get; init; } = DefaultMaxUploadMegabytes;

    /// <summary>How long one request may run before it is answered 503. The default value is 120 s.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>"Now", for prices and lifecycle when a form gives no date (time is an input: tests fix it).</summary>
    public Func<DateTimeOffset> Clock { get; init; } = () => DateTimeOffset.UtcNow;

    /// <summary>The upload limit in bytes.</summary>
    public long MaxUploadBytes => MaxUploadMegabytes * 1024L * 1024L;

    /// <summary>Every problem with these options at once (field names as the command line spells them in the caller's words).</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Port is < 0 or > 65_535)
        {
            problems.Add($"port must be 0 to 65535, got {Port.ToString(CultureInfo.InvariantCulture)}");
        }

        if (MaxUploadMegabytes is < 1 or > MaxUploadMegabytesLimit)
        {
            problems.Add($"max_upload_mb must be 1 to {MaxUploadMegabytesLimit:N0}, got {MaxUploadMegabytes.ToString(CultureInfo.InvariantCulture)}");
        }

        if (!IsListenable(Host))
        {
            problems.Add($"host must be an IP address or localhost, got '{Host}'");
        }

        if (RequestTimeout <= TimeSpan.Zero)
        {
            problems.Add("request_timeout must be > 0");
        }

        return problems;
    }

    /// <summary>True for an IP address or "localhost".</summary>
    public static bool IsListenable(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) || IPAddress.TryParse(host, out _);
}
