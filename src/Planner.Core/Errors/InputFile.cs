namespace Planner.Core;

/// <summary>Checks on a file the user named, before it is opened, so that an empty path, a folder or a
/// device gets one clear line instead of an exception from the file system, and reads it whole in bounded memory.</summary>
public static class InputFile
{
    /// <summary>Throws a <see cref="PlannerException"/> of <paramref name="kind"/> unless <paramref name="path"/>
    /// names an existing regular file: "the trace path is empty", "'x': no such trace file", "'x' is a folder, not a trace file".</summary>
    /// <param name="path">The path as given.</param>
    /// <param name="what">What the file is, e.g. "trace" or "catalog".</param>
    /// <param name="kind">The error kind to throw.</param>
    public static void EnsureReadable(string? path, string what, PlannerErrorKind kind)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new PlannerException(kind, $"the {what} path is empty; give a file name");
        }

        if (Directory.Exists(path))
        {
            throw new PlannerException(kind, $"{InputText.Quote(path)} is a folder, not a {what} file");
        }

        if (!File.Exists(path))
        {
            throw new PlannerException(kind, $"{InputText.Quote(path)}: no such {what} file");
        }
    }

    /// <summary>The file's bytes, refusing one longer than <paramref name="maxBytes"/> without reading past it
    /// (a device such as /dev/zero reports length 0 and never ends).</summary>
    public static byte[] ReadAllBytes(string path, long maxBytes, string what, PlannerErrorKind kind)
    {
        EnsureReadable(path, what, kind);
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            using var buffer = new MemoryStream();
            var chunk = new byte[1 << 16];
            int read;
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    throw new PlannerException(kind,
                        $"{InputText.Quote(path)}: a {what} file is at most {maxBytes:N0} bytes; this one is longer (is it the right file?)");
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PlannerException(kind, $"{InputText.Quote(path)}: cannot read {what}: {InputText.Shorten(e.Message, 200)}");
        }
    }
}
