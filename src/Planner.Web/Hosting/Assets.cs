using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Planner.Web.Hosting;

/// <summary>The stylesheet, the script and the icon, embedded in the assembly and served from memory under
/// <c>/assets/NAME</c>. Only the names in this table exist: a request can name no file on the server.</summary>
public static class Assets
{
    /// <summary>Every asset: its name under /assets/ and its content type.</summary>
    public static IReadOnlyList<(string Name, string ContentType)> Table { get; } =
    [
        ("site.css", "text/css; charset=utf-8"),
        ("fan.js", "text/javascript; charset=utf-8"),
        ("icon.svg", "image/svg+xml"),
    ];

    private static readonly Dictionary<string, (byte[] Bytes, string ContentType, string ETag)> Loaded = Load();

    /// <summary>The URL of an asset with its content hash, so a new build is never served from a stale cache.</summary>
    public static string Url(string name) => $"/assets/{name}?v={Loaded[name].ETag.Trim('"')}";

    /// <summary>The bytes of an asset (tests read them).</summary>
    internal static ReadOnlySpan<byte> Bytes(string name) => Loaded[name].Bytes;

    internal static void Map(WebApplication app)
    {
        app.MapGet("/assets/{name}", (string name, HttpContext context) =>
        {
            if (!Loaded.TryGetValue(name, out var asset))
            {
                return Results.NotFound();
            }

            context.Response.Headers.CacheControl = "public, max-age=86400";
            return Results.Bytes(asset.Bytes, asset.ContentType, entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue(asset.ETag));
        }).ExcludeFromDescription();
    }

    private static Dictionary<string, (byte[], string, string)> Load()
    {
        var assembly = typeof(Assets).Assembly;
        var loaded = new Dictionary<string, (byte[], string, string)>(StringComparer.Ordinal);
        foreach (var (name, contentType) in Table)
        {
            using var stream = assembly.GetManifestResourceStream("Planner.Web.Assets." + name)
                ?? throw new InvalidOperationException($"asset {name} is not embedded in {assembly.GetName().Name}");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            byte[] bytes = copy.ToArray();
            string etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 8)) + "\"";
            loaded[name] = (bytes, contentType, etag);
        }

        return loaded;
    }
}
