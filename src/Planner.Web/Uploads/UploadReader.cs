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
/// the same readers as the CLI (<see cref="UsageFormats.Open(Stream, string, ModelCatalog, TraceOptions, TraceRejections)"/>):
/// the format is detected from the file's first 64 KiB, peeked through a buffer, and every format streams from the
/// request body as it arrives, in memory that does not grow with the file (Usage API pages a page at a time; when their
/// input_tokens definition must be detected, spooled by Core to a temporary file deleted after the read). Messages name
/// the file as uploaded, never a path on the server.</summary>
public static class UploadReader
{
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
                return await OpenAsync(section.Body, fileName, catalog, options(fields), source => use(source, fileName, fields)).ConfigureAwait(false);
            }

            using var text = new StreamReader(section.Body, Encoding.UTF8);
            char[] buffer = new char[4096];
            int read = await text.ReadBlockAsync(buffer, cancellation).ConfigureAwait(false);
            fields[name] = new string(buffer, 0, read).Trim();
        }

        throw new PlannerException(PlannerErrorKind.InvalidArgument, "upload: choose a file (a trace or a usage export) to upload");
    }

    /// <summary>Opens the file part in its format and runs <paramref name="use"/> on it: Core peeks at the head to detect
    /// the format and reads the rest as it arrives, every format from the stream (Usage API pages, whose input_tokens
    /// definition is decided over the whole export unless the query gives it, are spooled by Core to a temporary file
    /// that is deleted when the source is disposed).</summary>
    private static Task<T> OpenAsync<T>(Stream file, string name, ModelCatalog catalog, TraceOptions options, Func<IUsageSource, T> use)
    {
        using var source = UsageFormats.Open(new NonDisposingStream(file), name, catalog, options, new TraceRejections());
        return Task.FromResult(use(source));
    }

    /// <summary>The uploaded file's own name, without any folder a client put in it; "upload" when it has none.</summary>
    internal static string SafeName(string? fileName)
    {
        string name = Path.GetFileName((fileName ?? "").Replace('\\', '/'));
        name = new string([.. name.Where(c => !char.IsControl(c))]).Trim();
        return name.Length == 0 ? "upload" : name.Length > 100 ? name[..100] : name;
    }
}
