using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Planner.Core;
using Planner.Core.Catalog;
using Planner.Core.Ingest;
using Planner.Core.Traces;

namespace Planner.Web.Uploads;

/// <summary>Reads a multipart upload as a stream: the form fields before the file, then the file itself straight into
/// the same readers as the CLI. The format is detected by Core's <see cref="UsageFormats.Detect"/> from the file's first
/// 64 KiB; Planner's CSV trace then streams from the request body into <see cref="TraceReader"/> (nothing buffered
/// whole); the other formats, whose Core readers open a path, are spooled to a private temporary file as they arrive
/// (flat memory) and deleted after. Messages name the file as uploaded, never a path on the server.</summary>
public static class UploadReader
{
    /// <summary>The sniffed head: as much as Core's detection reads.</summary>
    private const int HeadBytes = 64 * 1024;

    /// <summary>Reads the request's form fields and hands the first file part to <paramref name="use"/>.</summary>
    /// <exception cref="PlannerException">Not a multipart form, no file, or a file Core refuses (its message, naming the upload).</exception>
    public static Task<T> ReadAsync<T>(HttpRequest request, long limit, ModelCatalog catalog, Func<IReadOnlyDictionary<string, string>, TraceOptions> options,
        Func<IUsageSource, string, IReadOnlyDictionary<string, string>, T> use, CancellationToken cancellation) =>
        ReadAsync(request, limit, catalog, options, use, null, cancellation);

    /// <summary>As the other overload; a file part before the one named 'file' (a Costs export beside the usage) goes to
    /// <paramref name="other"/> (its field name, its file name cut to the last segment, its body) instead; an empty one is skipped.</summary>
    public static async Task<T> ReadAsync<T>(HttpRequest request, long limit, ModelCatalog catalog, Func<IReadOnlyDictionary<string, string>, TraceOptions> options,
        Func<IUsageSource, string, IReadOnlyDictionary<string, string>, T> use, Func<string, string, Stream, CancellationToken, Task>? other, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength is { } length && length > limit)
        {
            throw new BadHttpRequestException("upload over the limit", StatusCodes.Status413PayloadTooLarge);
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 } boundary)
        {
            throw new PlannerException(PlannerErrorKind.InvalidArgument, "upload: send the file as multipart/form-data (a form with a file input named 'file')");
        }

        // Core's readers are synchronous: they read the body as it arrives, on this request's thread.
        if (request.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpBodyControlFeature>() is { } control)
        {
            control.AllowSynchronousIO = true;
        }

        var body = new UploadStream(request.Body, limit);
        var reader = new MultipartReader(boundary, body) { BodyLengthLimit = limit };
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadNextSectionAsync(cancellation).ConfigureAwait(false) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
            {
                continue;
            }

            string name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
            if (disposition.IsFileDisposition() && other is not null && name != "file")
            {
                string otherName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "";
                if (otherName.Length > 0)
                {
                    await other(name, SafeName(otherName), section.Body, cancellation).ConfigureAwait(false);
                }

                continue;
            }

            if (disposition.IsFileDisposition())
            {
                string fileName = SafeName(HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value);
                return await OpenAsync(section.Body, fileName, catalog, options(fields), source => use(source, fileName, fields), cancellation).ConfigureAwait(false);
            }

            using var text = new StreamReader(section.Body, Encoding.UTF8);
            char[] buffer = new char[4096];
            int read = await text.ReadBlockAsync(buffer, cancellation).ConfigureAwait(false);
            fields[name] = new string(buffer, 0, read).Trim();
        }

        throw new PlannerException(PlannerErrorKind.InvalidArgument, "upload: choose a file (a trace or a usage export) to upload");
    }

    /// <summary>Opens the file part in its format and runs <paramref name="use"/> on it.</summary>
    private static async Task<T> OpenAsync<T>(Stream file, string name, ModelCatalog catalog, TraceOptions options, Func<IUsageSource, T> use, CancellationToken cancellation)
    {
        byte[] head = new byte[HeadBytes];
        int length = await file.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellation).ConfigureAwait(false);
        string directory = Directory.CreateTempSubdirectory("planner-upload-").FullName;
        try
        {
            string spooled = Path.Combine(directory, "upload" + Path.GetExtension(name).ToLowerInvariant() switch { ".json" => ".json", ".jsonl" => ".jsonl", _ => ".csv" });
            await File.WriteAllBytesAsync(spooled, head.AsMemory(0, length).ToArray(), cancellation).ConfigureAwait(false);
            string format = options.Format ?? Rename(() => UsageFormats.Detect(spooled), spooled, name);
            var rejections = new TraceRejections();
            if (format == CsvTraceSource.FormatKey)
            {
                // The header is checked by the same code as the CLI's (repeated columns, none that carries usage), on the head.
                using (Rename(() => UsageFormats.Open(spooled, catalog, options with { Format = format }, new TraceRejections()), spooled, name))
                {
                }

                // Planner's CSV: the head and the rest of the body, as one stream, straight into the reader.
                using var whole = new ConcatenatedStream(new MemoryStream(head, 0, length, writable: false), file);
                using var source = Rename(() => CsvTraceSource.Wrap(TraceReader.Open(whole, name, catalog, options, rejections)), spooled, name);
                return Rename(() => use(source), spooled, name);
            }

            await using (var rest = new FileStream(spooled, FileMode.Append, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await file.CopyToAsync(rest, cancellation).ConfigureAwait(false);
            }

            using var opened = Rename(() => UsageFormats.Open(spooled, catalog, options with { Format = format }, rejections), spooled, name);
            return Rename(() => use(opened), spooled, name);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Runs <paramref name="action"/>; a Core message naming the spool file names the upload instead.</summary>
    private static T Rename<T>(Func<T> action, string spooled, string name)
    {
        try
        {
            return action();
        }
        catch (PlannerException e) when (e.Message.Contains(spooled, StringComparison.Ordinal) || e.Message.Contains(Path.GetDirectoryName(spooled)!, StringComparison.Ordinal))
        {
            throw new PlannerException(e.Kind, e.Message.Replace("'" + spooled + "'", name, StringComparison.Ordinal).Replace(spooled, name, StringComparison.Ordinal)
                .Replace(Path.GetDirectoryName(spooled)!, "", StringComparison.Ordinal));
        }
    }

    /// <summary>The uploaded file's own name, without any folder a client put in it; "upload" when it has none.</summary>
    internal static string SafeName(string? fileName)
    {
        string name = Path.GetFileName((fileName ?? "").Replace('\\', '/'));
        name = new string([.. name.Where(c => !char.IsControl(c))]).Trim();
        return name.Length == 0 ? "upload" : name.Length > 100 ? name[..100] : name;
    }
}
