using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Planner.Core;
using Planner.Contract;
using Planner.Web.Api;

namespace Planner.Web.Hosting;

/// <summary>The last line of defence: input errors answer 400 with Planner's own message (file, line, field), an
/// upload over the limit 413, a request stopped by its time limit 503, anything else 500 with one line and no stack
/// trace. API paths answer JSON (<c>{"errors":[{"field":"","message":...}]}</c>), pages plain text.</summary>
public sealed class ErrorResponses(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (PlannerException e)
        {
            await WriteAsync(context, StatusCodes.Status400BadRequest, e.Message).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await WriteAsync(context, StatusCodes.Status413PayloadTooLarge, TooLarge(context)).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e)
        {
            await WriteAsync(context, e.StatusCode, "bad request: " + e.Message).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away or the time limit fired (the timeout middleware answers that one itself).
        }
#pragma warning disable CA1031 // One line, a documented status, never a stack trace.
        catch (Exception e)
#pragma warning restore CA1031
        {
            await WriteAsync(context, StatusCodes.Status500InternalServerError, $"internal error ({e.GetType().Name})").ConfigureAwait(false);
        }
    }

    /// <summary>The 413 message: the limit in MB (a visitor cannot change it, so no option is named).</summary>
    internal static string TooLarge(HttpContext context)
    {
        var site = context.RequestServices.GetService(typeof(Site)) as Site;
        int limit = site?.Options.MaxUploadMegabytes ?? WebOptions.DefaultMaxUploadMegabytes;
        return $"the upload is larger than the server's upload limit, {limit:N0} MB";
    }

    /// <summary>The one line for a status answered without a body of its own.</summary>
    internal static string StatusLine(int status) => status switch
    {
        StatusCodes.Status404NotFound => "not found: there is no page or API endpoint at this address",
        StatusCodes.Status405MethodNotAllowed => "method not allowed: pages answer GET, the API GET or POST",
        StatusCodes.Status415UnsupportedMediaType => "unsupported media type: send a JSON object (application/json), or multipart/form-data to an upload",
        _ => $"the request failed (HTTP {status})",
    };

    /// <summary>Writes one error as the response, unless the response has already started (then it is cut short).</summary>
    public static async Task WriteAsync(HttpContext context, int status, string message)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Response.HasStarted)
        {
            context.Abort();
            return;
        }

        // Clear drops the headers set so far, the security headers among them: an error answer carries them too.
        context.Response.Clear();
        SecurityHeaders.Apply(context.Response.Headers);
        context.Response.StatusCode = status;
        string line = OneLine(message);
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            await JsonSerializer.SerializeAsync(context.Response.Body, new ApiErrors([new FieldError("", line)]), WebJsonContext.Relaxed.ApiErrors, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(line + "\n", context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>The message on one line: line breaks and control characters become spaces.</summary>
    internal static string OneLine(string message) =>
        string.Concat(message.Trim().Select(c => char.IsControl(c) ? ' ' : c));
}
