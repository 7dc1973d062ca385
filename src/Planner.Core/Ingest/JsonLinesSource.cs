using System.Text.Json;
using Planner.Core.Catalog;
using Planner.Core.Pricing;
using Planner.Core.Traces;

namespace Planner.Core.Ingest;

/// <summary>The shared half of the JSON-lines readers (response logs, Realtime events): one JSON object per line,
/// read over a pooled buffer with <see cref="Utf8JsonReader"/>; each line resolved, checked and priced.</summary>
public abstract class JsonLinesSource : IUsageSource
{
    private readonly LineBuffer _lines;
    private readonly string? _file;
    private readonly ChunkStart? _chunk;
    private readonly UsagePricer _pricer;
    private readonly TraceOptions _options;
    private readonly TraceRejections _rejections;
    private readonly List<string> _assumptions = [];
    private readonly byte[] _modelName = new byte[256];
    private long _lastTicks = long.MinValue;
    private long _lastLine;
    private long _untimed;
    private TraceRequest _last;
    private LineData _data;
    private bool _readInChunks;
    private long _chunkedPosition;

    private protected JsonLinesSource(string path, string format, ModelCatalog catalog, TraceOptions options, TraceRejections rejections)
        : this(File.OpenRead(path), path, new FileInfo(path).Length, path, format, catalog, options, rejections, null)
    {
    }

    /// <summary>A source over <paramref name="stream"/> (owned, disposed with the source), named <paramref name="name"/>
    /// in messages; <paramref name="file"/> is the file behind it when it may be read again in chunks, else null.</summary>
    private protected JsonLinesSource(Stream stream, string name, long length, string? file, string format, ModelCatalog catalog, TraceOptions options, TraceRejections rejections, ChunkStart? chunk)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(rejections);
        Path = name;
        Format = format;
        Catalog = catalog;
        _file = file;
        _options = options;
        _rejections = rejections;
        _chunk = chunk;
        _untimed = chunk?.Untimed ?? 0;
        _pricer = new UsagePricer(catalog, options);
        FileLength = length;
        _lines = new LineBuffer(stream, chunk is null ? 1 << 20 : (int)Math.Clamp(length + 1, 4096, 1 << 20));
    }

    public string Path { get; }

    public string Format { get; }

    public long RowsRead { get; private set; }

    public long RowsPriced { get; private set; }

    /// <summary>Lines that were not requests (other event types), counted and skipped.</summary>
    public long Skipped { get; private set; }

    /// <summary>The catalog the lines are priced on.</summary>
    private protected ModelCatalog Catalog { get; }

    /// <summary>Lines read so far (blank ones included): in a chunk, its lines so far.</summary>
    internal long LinesRead => _lines.LineNumber;

    /// <summary>In a chunk, the first bad line (counted from the chunk's start) and its message without the file; it ended the read.</summary>
    internal (long Line, string Message)? BadLine { get; private set; }

    /// <summary>In a chunk, true when a line needed what the lines before the chunk left (the count of untimed lines):
    /// the read stopped there, and the chunk must be read again once that is known.</summary>
    internal bool NeedsEarlierLines { get; private set; }

    /// <summary>Lines without a timestamp placed so far (from the chunk's start value).</summary>
    internal long Untimed => _untimed;

    /// <summary>Lines skipped, by their type (e.g. "session.created").</summary>
    public IReadOnlyDictionary<string, long> SkippedByType => _skippedByType;

    public TraceRejections Rejections => _rejections;

    public long FileLength { get; }

    public long BytePosition => _readInChunks || _chunkedPosition > 0 ? _chunkedPosition : _lines.Position;

    public bool ConvertedAudioSeconds => false;

    public IReadOnlyList<string> Assumptions => _assumptions;

    /// <summary>The parts of the request last returned, as the line reported them (for calibration).</summary>
    internal ref readonly LineData Current => ref _data;

    /// <summary>How many sessions began (session.created) before the request last returned; 0 for a response log.</summary>
    public int Session { get; private protected set; }

    private readonly Dictionary<string, long> _skippedByType = new(StringComparer.Ordinal);

    /// <summary>The scratch buffer a parser copies the model name into.</summary>
    private protected Span<byte> ModelName => _modelName;

    internal TraceOptions Options => _options;

    public bool TryRead(out TraceRequest request)
    {
        if (_readInChunks || BadLine is not null || NeedsEarlierLines)
        {
            request = default;
            return false;
        }

        while (NextLine(out var line))
        {
            if (line.Trim(" \t"u8).IsEmpty)
            {
                continue;
            }

            _data.Reset();
            LineResult result;
            string? kind = null;
            string? message = null;
            try
            {
                result = ParseLine(line, ref _data, out kind, out message);
            }
            catch (JsonException e)
            {
                result = LineResult.Bad;
                kind = UsageRejectionKinds.InvalidJson;
                message = $"json: not valid JSON (truncated or malformed) at byte {(e.BytePositionInLine ?? 0) + 1} of the line";
            }
            catch (InvalidOperationException)
            {
                result = LineResult.Bad;
                kind = UsageRejectionKinds.InvalidJson;
                message = "json: a value of the wrong type (a string where a number is expected, or the reverse)";
            }

            if (result == LineResult.Skip)
            {
                Skipped++;
                continue;
            }

            long number = _lines.LineNumber;
            if (result == LineResult.Row && _data.Ticks < 0 && _chunk is { Untimed: null } && _options.UntimedOrigin is not null)
            {
                NeedsEarlierLines = true;
                request = default;
                return false;
            }

            RowsRead++;
            if (result == LineResult.Row)
            {
                kind = Finish(number, out request, out message);
                if (kind is null)
                {
                    RowsPriced++;
                    _last = request;
                    return true;
                }
            }

            if (!_options.SkipInvalid)
            {
                if (_chunk is not null)
                {
                    BadLine = (number, message!);
                    request = default;
                    return false;
                }

                throw new PlannerException(PlannerErrorKind.InvalidTrace, $"{Path}:{number}: {message}");
            }

            _rejections.Add(new TraceRejection(number, kind!, message!));
        }

        request = default;
        if (_chunk is null)
        {
            NoRequests.Check(this, _options);
        }

        return false;
    }

    /// <summary>The next line; a line too long is the file's error, or in a chunk its bad line.</summary>
    private bool NextLine(out ReadOnlySpan<byte> line)
    {
        try
        {
            return _lines.TryReadLine(out line);
        }
        catch (LineTooLongException e) when (_chunk is not null)
        {
            BadLine = (e.Line, e.Message);
            line = default;
            return false;
        }
        catch (LineTooLongException e)
        {
            throw new PlannerException(PlannerErrorKind.InvalidTrace, $"{Path}:{e.Line}: {e.Message}");
        }
    }

    public string? GroupOf(UsageGroupBy by) => by == UsageGroupBy.Model && _last.Model is { } model ? model.BillingId : null;

    /// <summary>Counts a skipped line of this type (types are few: a string per new type only).</summary>
    private protected void CountSkipped(ReadOnlySpan<byte> type)
    {
        foreach (var (known, count) in _skippedByType)
        {
            if (type.Length == known.Length && System.Text.Encoding.UTF8.GetString(type) == known)
            {
                _skippedByType[known] = count + 1;
                return;
            }
        }

        _skippedByType[type.IsEmpty ? "(no type)" : System.Text.Encoding.UTF8.GetString(type)] = 1;
    }

    /// <summary>Parses one line into <paramref name="data"/>; may throw <see cref="JsonException"/> for bad JSON.</summary>
    private protected abstract LineResult ParseLine(ReadOnlySpan<byte> line, ref LineData data, out string? kind, out string? message);

    /// <summary>The field that names the model, for messages ("model").</summary>
    private protected virtual string ModelField => "model";

    /// <summary>Explains a line that names no model.</summary>
    private protected virtual string NoModel => "model: missing; every line needs the model it used (or give a model override)";

    /// <summary>Copies a JSON string into the model scratch buffer.</summary>
    private protected static int CopyModel(ref Utf8JsonReader reader, scoped Span<byte> into)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return -1;
        }

        if (!reader.ValueIsEscaped && !reader.HasValueSequence && reader.ValueSpan.Length <= into.Length)
        {
            reader.ValueSpan.CopyTo(into);
            return reader.ValueSpan.Length;
        }

        int written = reader.CopyString(into[..Math.Min(into.Length, reader.ValueSpan.Length)]);
        return written;
    }

    /// <summary>A whole token count >= 0 (null reads as 0); false with a message naming <paramref name="field"/> otherwise.</summary>
    private protected static bool ReadCount(ref Utf8JsonReader reader, string field, out long value, ref string? message)
    {
        value = 0;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out value) && value >= 0)
        {
            return true;
        }

        message = $"{field}: must be a whole number >= 0, got {Text.Show(reader.ValueSpan)}";
        return false;
    }

    /// <summary>As <see cref="ReadCount(ref Utf8JsonReader, string, out long, ref string?)"/>, the field named
    /// <paramref name="prefix"/> + <paramref name="suffix"/> (joined only for a message: no allocation per line).</summary>
    private protected static bool ReadCount(ref Utf8JsonReader reader, string prefix, string suffix, out long value, ref string? message)
    {
        value = 0;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out value) && value >= 0)
        {
            return true;
        }

        return ReadCount(ref reader, prefix + suffix, out value, ref message);
    }

    /// <summary>A timestamp: an ISO-8601 string, or Unix seconds.</summary>
    private protected static bool ReadInstant(ref Utf8JsonReader reader, string field, out long ticks, ref string? message)
    {
        ticks = -1;
        if (reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out var instant))
        {
            ticks = instant.UtcTicks;
            return true;
        }

        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out long seconds) && Text.TryUnixSeconds(seconds, out ticks))
        {
            return true;
        }

        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out decimal fractional) && fractional >= 0 && fractional < 253_402_300_799m)
        {
            ticks = DateTime.UnixEpoch.Ticks + (long)(fractional * TimeSpan.TicksPerSecond);
            return true;
        }

        message = $"{field}: not an ISO-8601 instant or Unix seconds, got {Text.Show(reader.ValueSpan)}";
        return false;
    }

    /// <summary>Seconds >= 0 as an exact decimal.</summary>
    private protected static bool ReadSeconds(ref Utf8JsonReader reader, string field, out decimal seconds, ref string? message)
    {
        seconds = -1;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out seconds) && seconds >= 0)
        {
            return true;
        }

        seconds = -1;
        message = $"{field}: must be a number of seconds >= 0, got {Text.Show(reader.ValueSpan)}";
        return false;
    }

    /// <summary>"FIELD: PARTS = N exceed TOTAL's M": the one wording of a subset larger than its total.</summary>
    private protected static string Exceeds(string field, string parts, long partsValue, string total, long totalValue) =>
        $"{field}: {parts} = {partsValue:N0} exceed {total} of {totalValue:N0}; they are parts of it (text = total - audio - cached)";

    private string? Finish(long line, out TraceRequest request, out string? message)
    {
        request = default;
        message = null;
        long ticks = _data.Ticks;
        if (ticks < 0)
        {
            if (_options.UntimedOrigin is not { } origin)
            {
                message = "timestamp: missing; the line has no timestamp or created field";
                return TraceRejectionKinds.MissingField;
            }

            if (_untimed == 0)
            {
                _assumptions.Add($"lines without a timestamp are placed in file order, 1 s apart from {Text.Instant(origin.UtcTicks)} (priced at that date)");
            }

            ticks = checked(origin.UtcTicks + (_untimed++ * TimeSpan.TicksPerSecond));
        }

        ModelSlot? slot;
        if (_pricer.HasOverride)
        {
            slot = _pricer.Find(default);
        }
        else if (_data.ModelLength < 0)
        {
            message = NoModel;
            return TraceRejectionKinds.MissingField;
        }
        else
        {
            var name = _modelName.AsSpan(0, _data.ModelLength);
            slot = _pricer.Find(name);
            if (slot is null)
            {
                message = _pricer.Unknown(ModelField, name);
                return TraceRejectionKinds.UnknownModel;
            }
        }

        var usage = _data.Parts.ToUsage();
        var model = slot!.Model.Model;
        var violation = RequestCaps.Check(model, usage);
        if (violation != RequestViolation.None)
        {
            message = "usage: " + RequestCaps.Describe(model, usage, violation);
            return TraceRejectionKinds.OverCap;
        }

        Units.TokenCount? maxTokens = null;
        if (_data.MaxTokens >= 0)
        {
            long output = usage.OutputTokens.Value;
            if (_data.MaxTokens < output)
            {
                message = $"max_tokens: {_data.MaxTokens:N0} is below the line's output of {output:N0} tokens; a response cannot exceed max_tokens";
                return TraceRejectionKinds.MaxTokensBelowOutput;
            }

            maxTokens = new Units.TokenCount(_data.MaxTokens);
        }

        if (_options.ForSimulation && ticks < _lastTicks)
        {
            message = $"timestamp: {Text.Instant(ticks)} is before the previous line's {Text.Instant(_lastTicks)} (line {_lastLine}); a simulation needs lines in time order";
            return TraceRejectionKinds.OutOfOrder;
        }

        string? kind = UsagePricer.Price(slot, ticks, usage, out var cost, ref message);
        if (kind is not null)
        {
            return kind;
        }

        _lastTicks = Math.Max(_lastTicks, ticks);
        _lastLine = line;
        request = new TraceRequest(line, new DateTimeOffset(ticks, TimeSpan.Zero), slot.Model, usage, maxTokens, cost);
        return null;
    }

    /// <summary>Opens the same kind of source on one chunk of the file (<see cref="JsonLinesChunks"/>).</summary>
    private protected abstract JsonLinesSource OpenChunk(Stream stream, long length, TraceRejections rejections, ChunkStart start);

    /// <summary>Whether this format's lines can be read in chunks (each line stands alone).</summary>
    private protected virtual bool Chunkable => true;

    internal JsonLinesSource Chunk(Stream stream, long length, TraceRejections rejections, ChunkStart start) => OpenChunk(stream, length, rejections, start);

    /// <summary>Reads the whole file in line-aligned chunks on every core (<see cref="TraceOptions.Chunking"/>), each into a
    /// sink of its own from <paramref name="sinkFor"/> (called on the chunk's thread with the chunk's source), handed to
    /// <paramref name="merge"/> in file order with the lines before its chunk. Rows, rejections (in line order, with their
    /// lines in the file), skipped lines, assumptions and the first bad line are those of a sequential read.</summary>
    /// <returns>False, having read nothing, when the input is read sequentially instead: a stream, a file under
    /// <see cref="TraceChunking.FromBytes"/>, a simulation (which checks time order line by line), a format whose lines
    /// depend on the lines before them, or lines already read.</returns>
    public bool ReadAllInChunks<TSink>(Func<IUsageSource, TSink> sinkFor, Action<TSink, long> merge, Action<IUsageSource>? onProgress)
        where TSink : ITraceSink
    {
        ArgumentNullException.ThrowIfNull(sinkFor);
        ArgumentNullException.ThrowIfNull(merge);
        if (_file is null || _chunk is not null || !Chunkable || _options.ForSimulation || _readInChunks || _lines.LineNumber > 0
            || FileLength < _options.Chunking.FromBytes)
        {
            return false;
        }

        using var file = File.OpenHandle(_file, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        long length = RandomAccess.GetLength(file);
        long[] starts = JsonLinesChunks.Plan(file, length, _options.Chunking);
        if (starts.Length < 2)
        {
            return false;
        }

        Action<long>? progress = onProgress is null ? null : read =>
        {
            _chunkedPosition = read;
            onProgress(this);
        };
        var read = JsonLinesChunks.Read(this, file, length, starts, sinkFor, merge, progress);
        _readInChunks = true;
        _chunkedPosition = length;
        RowsRead = read.RowsRead;
        RowsPriced = read.RowsPriced;
        Skipped = read.Skipped;
        _untimed = read.Untimed;
        foreach (var (type, count) in read.SkippedByType)
        {
            _skippedByType[type] = _skippedByType.GetValueOrDefault(type) + count;
        }

        foreach (string assumption in read.Assumptions)
        {
            if (!_assumptions.Contains(assumption))
            {
                _assumptions.Add(assumption);
            }
        }

        NoRequests.Check(this, _options);
        return true;
    }

    public void Dispose()
    {
        _lines.Dispose();
        GC.SuppressFinalize(this);
    }
}
