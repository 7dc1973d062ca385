using Planner.Core.Catalog;
using Planner.Core.Pricing;
using Planner.Core.Units;
using System.Runtime.Intrinsics;

namespace Planner.Core.Traces;

/// <summary>Reads a CSV trace row by row, resolving, checking and pricing each, in memory that does not
/// grow with the trace's length. This is the one implementation behind <see cref="TraceFile.Read"/>;
/// commands use it directly to read without an enumerator and to report progress.</summary>
/// <remarks>Per row, the hot path parses UTF-8 spans in place (<see cref="TraceCsvScanner"/>, Planner's own vectorised
/// scanner, hands out spans into its read buffer), looks the model name up in a small cache of resolved models keyed by
/// its bytes, and reuses the compiled <see cref="PriceSheet"/> while the row's timestamp stays inside the price period it
/// was built for. A valid row allocates nothing.</remarks>
public sealed partial class TraceReader : IDisposable
{

    /// <summary>The longest record (one line) a trace may have, in bytes. The value is 1 MiB: a row is
    /// about a hundred bytes, so a longer one is a broken file (or not a trace), refused in bounded memory.</summary>
    public const int MaxRecordBytes = 1 << 20;

    private readonly TraceCsvScanner _scan;
    private readonly string _path;
    private readonly ModelCatalog _catalog;
    private readonly TraceOptions _options;
    private readonly TraceRejections _rejections;
    private readonly ModelSlotCache _models;
    private readonly IReadOnlyList<string> _headers;

    private readonly int _timestamp;
    private readonly int _model;
    // Per meter (MeterTable order): the token column's index and the seconds column's index (-1 when absent).
    private readonly MeterValues<int> _tokenIndex = default;
    private readonly MeterValues<int> _secondsIndex = default;
    private readonly int _maxTokens;
    private readonly int _fieldsNeeded;

    // The meters the header has a column for, in MeterTable order (the hot loop visits only these), with the token
    // column's index and the seconds column's (-1 when absent) of each.
    private readonly int[] _readMeters;
    private readonly int[] _readTokenFields;
    private readonly int[] _readSecondsFields;

    private long _lastTicks = long.MinValue;
    private long _lastLine;

    // The date-and-minute prefix of the last timestamp parsed ("2026-01-15T09:30", 16 bytes as two words) and the
    // UTC-less ticks of that minute: a trace's rows come minutes apart at most, so most rows parse only their seconds.
    private ulong _minuteHead;
    private ulong _minuteTail;
    private long _minuteTicks = -1;
    private readonly byte[] _lastDate = new byte[10];
    private long _lastDateTicks = -1;

    // Chunked reading (TraceChunks): a bad row without SkipInvalid ends the chunk instead of throwing, and the
    // rows before the chunk's first valid row remember the earliest timestamp they were order-checked with.
    private bool _stopAtBadRow;
    private bool _beforeFirstValid = true;

    private TraceReader(TraceCsvScanner scan, string path, long length, ModelCatalog catalog, TraceOptions options, TraceRejections rejections)
    {
        _scan = scan;
        _path = path;
        _catalog = catalog;
        _options = options;
        _rejections = rejections;
        FileLength = length;

        IReadOnlyList<string> headers = ReadHeader(scan, path);
        _headers = headers;
        if (headers.Count == 0)
        {
            throw new PlannerException(PlannerErrorKind.InvalidTrace, $"{path}: the file is empty; a header row is required (docs/trace-format.md)");
        }

        _timestamp = Required(TraceColumns.Timestamp, headers);
        _model = Required(TraceColumns.Model, headers);
        int last = Math.Max(_timestamp, _model);
        foreach (var meter in MeterTable.Meters)
        {
            _tokenIndex[meter] = Optional(TraceColumns.TokenColumn(meter));
            _secondsIndex[meter] = TraceColumns.SecondsColumn(meter) is { } seconds ? Optional(seconds) : -1;
            last = Math.Max(last, Math.Max(_tokenIndex[meter], _secondsIndex[meter]));
        }

        _maxTokens = Optional(TraceColumns.MaxTokens);
        _fieldsNeeded = 1 + Math.Max(last, _maxTokens);
        (_readMeters, _readTokenFields, _readSecondsFields) = ReadMeters(_tokenIndex, _secondsIndex);

        _models = new ModelSlotCache(catalog, options.AudioTokenRates, options.ModelOverride);
    }

    /// <summary>A reader of one chunk of a trace whose header <paramref name="header"/> has read: the chunk has no
    /// header line, its lines are numbered from 1, and a bad row without SkipInvalid ends it (see <see cref="BadRow"/>).</summary>
    private TraceReader(TraceCsvScanner scan, TraceReader header, TraceRejections rejections)
    {
        _scan = scan;
        _path = header._path;
        _catalog = header._catalog;
        _options = header._options with { RequireRequests = false };
        _rejections = rejections;
        FileLength = header.FileLength;
        _headers = header._headers;
        _timestamp = header._timestamp;
        _model = header._model;
        _tokenIndex = header._tokenIndex;
        _secondsIndex = header._secondsIndex;
        _maxTokens = header._maxTokens;
        _fieldsNeeded = header._fieldsNeeded;
        (_readMeters, _readTokenFields, _readSecondsFields) = (header._readMeters, header._readTokenFields, header._readSecondsFields);
        _models = new ModelSlotCache(_catalog, _options.AudioTokenRates, _options.ModelOverride);
        _stopAtBadRow = true;
    }

    private static (int[] Meters, int[] TokenFields, int[] SecondsFields) ReadMeters(in MeterValues<int> tokenIndex, in MeterValues<int> secondsIndex)
    {
        var meters = new List<int>();
        var tokens = new List<int>();
        var seconds = new List<int>();
        for (int i = 0; i < MeterTable.Count; i++)
        {
            if (tokenIndex[i] >= 0 || secondsIndex[i] >= 0)
            {
                meters.Add(i);
                tokens.Add(tokenIndex[i]);
                seconds.Add(secondsIndex[i]);
            }
        }

        return ([.. meters], [.. tokens], [.. seconds]);
    }

    /// <summary>The header's names (the first record), or none for an empty file.</summary>
    private static string[] ReadHeader(TraceCsvScanner scan, string path)
    {
        try
        {
            if (!scan.Read())
            {
                return [];
            }
        }
        catch (TraceChunkFramingException e)
        {
            throw new PlannerException(PlannerErrorKind.InvalidTrace, RecordTooLong(path, e.LineInChunk));
        }

        if (scan.IsMalformed)
        {
            throw new PlannerException(PlannerErrorKind.InvalidTrace, $"{path}:{scan.LineNumber}: header: {Malformed(scan.Quoting)}");
        }

        return scan.FieldsAsText();
    }

    /// <summary>The file being read, as given.</summary>
    public string Path => _path;

    /// <summary>Rows read so far (valid and rejected; the header is not a row).</summary>
    public long RowsRead { get; private set; }

    /// <summary>Valid rows returned so far.</summary>
    public long RowsPriced { get; private set; }

    /// <summary>The rejected rows so far.</summary>
    public TraceRejections Rejections => _rejections;

    /// <summary>The file's length in bytes (for progress).</summary>
    public long FileLength { get; }

    /// <summary>Where the current row starts, in bytes from the start of the file (for progress).</summary>
    public long BytePosition => _scan.ByteOffset;

    /// <summary>Opens a trace and reads its header.</summary>
    /// <exception cref="PlannerException">A missing file, an empty file, a header without timestamp or model, or an unknown override model.</exception>
    public static TraceReader Open(string path, ModelCatalog catalog, TraceOptions options, TraceRejections rejections)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(rejections);
        InputFile.EnsureReadable(path, "trace", PlannerErrorKind.InvalidTrace);
        FileStream file;
        try
        {
            // No FileStream buffer: the scanner reads straight into its own.
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PlannerException(PlannerErrorKind.InvalidTrace, $"{InputText.Quote(path)}: cannot read trace: {InputText.Shorten(e.Message, 200)}");
        }

        return Open(new TraceCsvScanner(file, ownsStream: true), path, file.Length, catalog, options, rejections);
    }

    /// <summary>Reads a trace from a stream (e.g. standard input), named <paramref name="name"/> in messages.</summary>
    public static TraceReader Open(Stream stream, string name, ModelCatalog catalog, TraceOptions options, TraceRejections rejections)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(rejections);
        return Open(new TraceCsvScanner(stream, ownsStream: false), name, stream.CanSeek ? stream.Length : 0, catalog, options, rejections);
    }

    private static TraceReader Open(TraceCsvScanner scan, string path, long length, ModelCatalog catalog, TraceOptions options, TraceRejections rejections)
    {
        try
        {
            return new TraceReader(scan, path, length, catalog, options, rejections);
        }
        catch
        {
            scan.Dispose();
            throw;
        }
    }

    /// <summary>Opens one chunk of a trace (<see cref="TraceChunks"/>) over <paramref name="chunk"/>, the bytes of whole lines:
    /// the first chunk (<paramref name="withHeader"/>) starts with the header, the others take the columns of
    /// <paramref name="header"/>. Lines are numbered from the chunk's start; a bad row without SkipInvalid ends the chunk.</summary>
    internal static TraceReader OpenChunk(Stream chunk, TraceReader header, TraceRejections rejections, bool withHeader, int bufferSize)
    {
        var scan = new TraceCsvScanner(chunk, ownsStream: false, bufferSize);
        try
        {
            var reader = withHeader
                ? new TraceReader(scan, header._path, header.FileLength, header._catalog, header._options with { RequireRequests = false }, rejections)
                : new TraceReader(scan, header, rejections);
            reader._stopAtBadRow = true;
            return reader;
        }
        catch
        {
            scan.Dispose();
            throw;
        }
    }

    /// <summary>Line breaks read so far (CR, LF and CR LF once each): all of a chunk's once it has been read to its end.</summary>
    internal long LineBreaks => _scan.LineBreaks;

    /// <summary>In a chunk, the first bad row without SkipInvalid (its line in the chunk, kind and message), which ended it; else null.</summary>
    internal (long Line, string Kind, string Message)? BadRow { get; private set; }

    /// <summary>The earliest timestamp of the rows checked for time order before the first valid row (long.MaxValue when none):
    /// a chunk read from its own start agrees with a read from the file's start exactly when this is not before the
    /// previous chunk's last valid timestamp (after the first valid row both compare against the same timestamp).</summary>
    internal long MinOrderCheckedTicks { get; private set; } = long.MaxValue;

    /// <summary>The last valid row's timestamp (long.MinValue before the first) and line.</summary>
    internal (long Ticks, long Line) LastValid => (_lastTicks, _lastLine);

    /// <summary>Continues the time-order check from a valid row before this chunk (at <paramref name="ticks"/>, on <paramref name="line"/>).</summary>
    internal void ContinueAfter(long ticks, long line)
    {
        _lastTicks = ticks;
        _lastLine = line;
    }

    /// <summary>The message of a record too long to frame, at <paramref name="line"/> (0 when unknown).</summary>
    internal static string RecordTooLong(string path, long line) =>
        $"{path}{(line > 0 ? $":{line}" : "")}: a record longer than {MaxRecordBytes:N0} bytes without a line break; a trace row is one line of about a hundred bytes (is this a CSV trace?)";

    // The framing rule of a trace (docs/trace-format.md): one record per line. A quoted field may hold commas and quotes
    // ("") but not a line break, so one stray quote cannot swallow the rest of the file: its line is reported as a bad row
    // and the next line is read as the next row (TraceCsvScanner).

    /// <summary>Reads the next valid row; rejected rows on the way are recorded (with SkipInvalid) or thrown.</summary>
    /// <returns>False at the end of the file.</returns>
    /// <exception cref="PlannerException">Without SkipInvalid, the first bad row: "FILE:LINE: FIELD: reason".</exception>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public bool TryRead(out TraceRequest request)
    {
        // Written once, by ParseRow, for a valid row (zeroing 176 bytes first measured 5% of its time); set to default otherwise.
        System.Runtime.CompilerServices.Unsafe.SkipInit(out request);
        return ReadValid(ref System.Runtime.CompilerServices.Unsafe.As<TraceRequest, RequestRowTarget>(ref request));
    }

    /// <summary>Reads valid rows into <paramref name="costs"/> (their costs added as <see cref="TraceCosts.Add(in TraceRequest)"/>
    /// would add their requests, none built) until <see cref="RowsRead"/> reaches <paramref name="untilRowsRead"/> or the end;
    /// rejected rows on the way are recorded (with SkipInvalid) or thrown, as by <see cref="TryRead"/>.</summary>
    /// <returns>False at the end of the file (or of a chunk, at its bad row).</returns>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal bool ReadInto(TraceCosts costs, long untilRowsRead)
    {
        var target = new CostsRowTarget(costs);
        while (RowsRead < untilRowsRead)
        {
            if (!ReadValid(ref target))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Reads the next valid row into <paramref name="target"/>: the loop of <see cref="TryRead"/>, compiled once per target.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private bool ReadValid<TRow>(ref TRow target)
        where TRow : struct, IRowTarget
    {
        while (ReadRecord())
        {
            RowsRead++;
            long line = _scan.LineNumber;
            string? kind;
            string? message;
            if (_scan.IsMalformed)
            {
                kind = TraceRejectionKinds.MalformedQuoting;
                message = MalformedMessage();
            }
            else
            {
                kind = ParseRow(line, ref target, out message);
            }

            if (kind is null)
            {
                RowsPriced++;
                return true;
            }

            if (!_options.SkipInvalid)
            {
                if (_stopAtBadRow)
                {
                    BadRow = (line, kind, message!);
                    target.None();
                    return false;
                }

                throw new PlannerException(PlannerErrorKind.InvalidTrace, $"{_path}:{line}: {message}");
            }

            _rejections.Add(new TraceRejection(line, kind, message!));
        }

        target.None();
        if (RowsPriced == 0 && _options.RequireRequests)
        {
            throw new PlannerException(PlannerErrorKind.InvalidTrace, NoRequests(_path, RowsRead, _rejections));
        }

        return false;
    }

    /// <summary>One rule for every command (price, simulate, recommend, project, diff): a trace without a
    /// single valid request is invalid input, not a $0 answer.</summary>
    internal static string NoRequests(string path, long rowsRead, TraceRejections rejections)
    {
        if (rowsRead == 0)
        {
            return $"{path}: the trace has no rows after its header; nothing to price (docs/trace-format.md)";
        }

        var reasons = string.Join(", ", rejections.ByReason.Select(r => $"{r.Value:N0} {r.Key}"));
        var first = rejections.First.Count > 0 ? $"; first: line {rejections.First[0].Line}: {rejections.First[0].Message}" : "";
        return $"{path}: no valid request: all {rowsRead:N0} rows were rejected ({reasons}){first}";
    }

    /// <summary>The next record; a record too long to frame ends the read (in a chunk, the chunk: <see cref="TraceChunks"/>).</summary>
    /// <remarks>Called once a row and not inlined (its handler): compiled optimised at its first call, as the loop that
    /// calls it is, instead of running the ReadyToRun code and then an instrumented copy during the first rows.</remarks>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private bool ReadRecord()
    {
        try
        {
            return _scan.Read();
        }
        catch (TraceChunkFramingException e) when (!_stopAtBadRow)
        {
            throw new PlannerException(PlannerErrorKind.InvalidTrace, RecordTooLong(_path, e.LineInChunk));
        }
    }

    /// <summary>The header name of field <paramref name="field"/> (0-based), as a message names it.</summary>
    private string ColumnName(int field) => field < _headers.Count ? InputText.Shorten(_headers[field], 40) : $"field {field + 1}";

    private static string Malformed(TraceQuoting quoting) => quoting switch
    {
        TraceQuoting.TextAfterClosingQuote => "text after a closing quote (\"12\"3); quote a whole field, with \"\" for a quote inside it",
        _ => "a quoted field is not closed on its line; in a trace a quoted field may not span lines (docs/trace-format.md)",
    };

    /// <summary>True once a row's audio was given in seconds and converted with the audio-token rates.</summary>
    public bool ConvertedAudioSeconds { get; private set; }

    /// <summary>Reads every remaining row into <paramref name="sink"/>, calling <paramref name="onProgress"/> every 65,536 rows.</summary>
    /// <returns>Rows read in all.</returns>
    public long ReadAll<TSink>(TSink sink, Action<TraceReader>? onProgress = null)
        where TSink : ITraceSink
    {
        ArgumentNullException.ThrowIfNull(sink);
        while (TryRead(out var request))
        {
            sink.Add(request);
            if (onProgress is not null && (RowsRead & 0xFFFF) == 0)
            {
                onProgress(this);
            }
        }

        return RowsRead;
    }

    /// <summary>Closes the file.</summary>
    public void Dispose() => _scan.Dispose();

    private int Required(string name, IReadOnlyList<string> headers)
    {
        int index = Optional(name);
        if (index >= 0)
        {
            return index;
        }

        throw new PlannerException(PlannerErrorKind.InvalidTrace,
            $"{_path}:1: header: missing required column '{name}'; {HeaderHint(headers)}");
    }

    /// <summary>What the header has; for a header of one column holding ';', tab or '|', the separator it seems to use.</summary>
    private static string HeaderHint(IReadOnlyList<string> headers)
    {
        if (headers.Count == 1)
        {
            foreach (var (separator, name) in new[] { (';', "semicolons"), ('\t', "tabs"), ('|', "'|'") })
            {
                if (headers[0].Contains(separator, StringComparison.Ordinal))
                {
                    return $"the header seems separated by {name}, not commas: a trace is comma-separated (docs/trace-format.md); the header is {InputText.Quote(headers[0])}";
                }
            }
        }

        return $"the header has {headers.Count:N0} column(s): {InputText.List(headers)}";
    }

    /// <summary>The column named <paramref name="name"/>: the first with exactly that name, else the first whose name
    /// trimmed matches it ignoring case (" Timestamp"), else -1.</summary>
    private int Optional(string name)
    {
        for (int i = 0; i < _headers.Count; i++)
        {
            if (_headers[i] == name)
            {
                return i;
            }
        }

        for (int i = 0; i < _headers.Count; i++)
        {
            if (string.Equals(_headers[i].Trim(), name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Parses, checks and prices the current row; returns null when valid, else the rejection kind
    /// with <paramref name="message"/> "FIELD: reason naming the value".</summary>
    /// <remarks><paramref name="target"/> takes the row only when it is valid.</remarks>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private string? ParseRow<TRow>(long line, ref TRow target, out string? message)
        where TRow : struct, IRowTarget
    {
        message = null;
        var scan = _scan;
        if (scan.FieldCount < _fieldsNeeded)
        {
            // A truncated row would otherwise read its missing counts as 0 and be priced too low.
            message = ShortRow();
            return TraceRejectionKinds.MissingField;
        }

        var stamp = Trim(scan.FieldOfCurrent(_timestamp)); // every field index is below _fieldsNeeded <= FieldCount
        if (stamp.IsEmpty)
        {
            message = $"{TraceColumns.Timestamp}: is empty; every row needs an ISO-8601 instant";
            return TraceRejectionKinds.MissingField;
        }

        if (!TryParseInstant(stamp, out long ticks))
        {
            message = UnparsableInstant(stamp);
            return TraceRejectionKinds.UnparsableField;
        }

        ModelSlot? slot = _models.Override;
        if (slot is null)
        {
            var name = Trim(scan.FieldOfCurrent(_model));
            if (name.IsEmpty)
            {
                message = $"{TraceColumns.Model}: is empty; every row needs a model id, alias or snapshot";
                return TraceRejectionKinds.MissingField;
            }

            slot = _models.FindPadded(name); // a field of the scanner's padded buffer
            if (slot is null)
            {
                message = UnknownModel(name);
                return TraceRejectionKinds.UnknownModel;
            }
        }

        string? kind;
        var tokens = default(MeterValues<long>);
        int[] meters = _readMeters;
        int[] tokenFields = _readTokenFields;
        int[] secondsFields = _readSecondsFields;
        // The loop only fills the counts (few live values: no spills in this large method); the sums and the mask of
        // the meters used come after it, from the eight counts at once.
        for (int k = 0; k < meters.Length; k = unchecked(k + 1))
        {
            int meter = meters[k];
            int field = tokenFields[k];
            var span = field < 0 ? default : Trim(scan.FieldOfCurrent(field));
            if (!span.IsEmpty)
            {
                long value = ParseCount(span);
                if (value < 0)
                {
                    return BadCount(span, TraceColumns.TokenColumn((Meter)meter), ref message);
                }

                tokens[meter] = value;
            }
            else if (secondsFields[k] >= 0)
            {
                // A separate local: passing one of the loop's by reference would keep it in memory on every row.
                if ((kind = AudioSeconds(secondsFields[k], (Meter)meter, slot, out long converted, ref message)) is not null)
                {
                    return kind;
                }

                tokens[meter] = converted;
            }
        }

        // Each count is at most TokenCount.MaxPerRequest (10^9), so sums of 8 stay far below 2^63 (plain vector adds).
        var (input, output, used) = Sums(tokens);
        var usage = Usage.FromCounts(tokens);
        // The caps, from the slot's copies (no walk to the model's spec a row); RequestCaps names the broken one.
        if (output > slot.MaxOutputTokens || input + output > slot.ContextWindow)
        {
            var model = slot.Model.Model;
            message = "tokens: " + RequestCaps.Describe(model, usage, RequestCaps.Check(model, input, output));
            return TraceRejectionKinds.OverCap;
        }

        TokenCount? maxTokens = null;
        if (_maxTokens >= 0)
        {
            var span = Trim(scan.FieldOfCurrent(_maxTokens));
            if (!span.IsEmpty)
            {
                long max = ParseCount(span);
                if (max < 0)
                {
                    return BadCount(span, TraceColumns.MaxTokens, ref message);
                }

                // CheckMaxTokens's three rules inline, from the slot's copies of the caps; it names the broken one.
                if ((max < output || max > slot.MaxOutputTokens || input + max > slot.ContextWindow) &&
                    (kind = CheckMaxTokens(slot.Model.Model, input, output, max, ref message)) is not null)
                {
                    return kind;
                }

                maxTokens = new TokenCount(max);
            }
        }

        if (_beforeFirstValid && ticks < MinOrderCheckedTicks)
        {
            MinOrderCheckedTicks = ticks;
        }

        if (ticks < _lastTicks)
        {
            message = OutOfOrder(ticks, _lastTicks, _lastLine);
            return TraceRejectionKinds.OutOfOrder;
        }

        if (ticks < slot.SheetFromTicks || ticks >= slot.SheetUntilTicks)
        {
            if ((kind = slot.Reprice(ticks, ref message)) is not null)
            {
                return kind;
            }
        }

        ref readonly var sheet = ref slot.Sheet;
        if ((sheet.UnpricedMask & used) != 0 && sheet.Unpriced(usage) is { } unpriced)
        {
            message = UnpricedMeter(slot, usage, unpriced);
            return TraceRejectionKinds.UnpricedMeter;
        }

        _lastTicks = ticks;
        _lastLine = line;
        _beforeFirstValid = false;
        target.Take(line, ticks, slot, usage, maxTokens, sheet);
        return null;
    }

    // The messages of the hot loop's rejections, out of line: an interpolated string's handler (a struct holding references)
    // in the parser's frame would be zeroed by its prologue on every row, valid or not.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private string MalformedMessage() => $"{ColumnName(_scan.QuotingField)}: {Malformed(_scan.Quoting)}";

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static string UnparsableInstant(ReadOnlySpan<byte> stamp) =>
        $"{TraceColumns.Timestamp}: not an ISO-8601 instant (e.g. 2026-01-15T09:30:00Z), got {Show(stamp)}";

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private string UnknownModel(ReadOnlySpan<byte> name) =>
        $"{TraceColumns.Model}: unknown model {InputText.Quote(name)}; known models: {string.Join(", ", _catalog.Models.Select(m => m.Id))}";

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static string UnpricedMeter(ModelSlot slot, in Usage usage, Meter unpriced) =>
        $"{TraceColumns.TokenColumn(unpriced)}: {PriceSheet.Describe(slot.Model.BillingId, unpriced, usage[unpriced].Value)}";

    // All ones on each input meter's lane (MeterTable order: lanes 0-3, then 4-7), zero on the output meters'.
    private static readonly Vector256<long> InputLanesLow = Vector256.Create(Lane(0), Lane(1), Lane(2), Lane(3));
    private static readonly Vector256<long> InputLanesHigh = Vector256.Create(Lane(4), Lane(5), Lane(6), Lane(7));

    private static long Lane(int meter) => ((MeterTable.InputMask >> meter) & 1) != 0 ? -1L : 0L;

    /// <summary>A row's input and output tokens and the mask of its meters with tokens (bit i for meter i), from its eight
    /// counts (each at most <see cref="TokenCount.MaxPerRequest"/>, so no sum can overflow).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static (long Input, long Output, int Used) Sums(in MeterValues<long> tokens)
    {
        ref long first = ref System.Runtime.InteropServices.MemoryMarshal.GetReference((ReadOnlySpan<long>)tokens);
        var low = Vector256.LoadUnsafe(ref first);
        var high = Vector256.LoadUnsafe(ref first, 4);
        long input = Vector256.Sum((low & InputLanesLow) + (high & InputLanesHigh));
        long output = Vector256.Sum(Vector256.AndNot(low, InputLanesLow) + Vector256.AndNot(high, InputLanesHigh));
        uint zero = Vector256.Equals(low, Vector256<long>.Zero).ExtractMostSignificantBits() |
            (Vector256.Equals(high, Vector256<long>.Zero).ExtractMostSignificantBits() << 4);
        return (input, output, (int)(~zero & 0xFF));
    }

    private const string PreviousLine = "(line ";

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static string OutOfOrder(long ticks, long previousTicks, long previousLine) =>
        $"{TraceColumns.Timestamp}: {Instant(ticks)} is before the previous row's {Instant(previousTicks)} {PreviousLine}{previousLine}); rows must be in time order";

    /// <summary>An out-of-order message written in a chunk, with the previous row's line moved by <paramref name="lines"/>
    /// (the lines before the chunk). The instants in the message never contain "(line ", so the reference is found exactly.</summary>
    internal static string MoveLineReference(string message, long lines)
    {
        int at = message.LastIndexOf(PreviousLine, StringComparison.Ordinal);
        if (lines == 0 || at < 0)
        {
            return message;
        }

        int start = at + PreviousLine.Length;
        int end = message.IndexOf(')', start);
        long line = long.Parse(message.AsSpan(start, end - start), System.Globalization.CultureInfo.InvariantCulture);
        return string.Concat(message.AsSpan(0, start), (line + lines).ToString(System.Globalization.CultureInfo.InvariantCulture), message.AsSpan(end));
    }

    /// <summary>How this reader reads (its chunks read the same way).</summary>
    internal TraceOptions Options => _options;

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private string ShortRow()
    {
        // The first column the row lacks (fields < _fieldsNeeded <= the header's count).
        int fields = _scan.FieldCount;
        return $"{_headers[fields]}: missing; the row has {fields} field(s), the header {_headers.Count}";
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static string? CheckMaxTokens(ModelSpec model, long input, long output, long max, ref string? message)
    {
        if (max < output)
        {
            message = $"{TraceColumns.MaxTokens}: {max:N0} is below the row's output of {output:N0} tokens; a response cannot exceed max_tokens";
            return TraceRejectionKinds.MaxTokensBelowOutput;
        }

        if (max > model.MaxOutputTokens.Value)
        {
            message = $"{TraceColumns.MaxTokens}: {max:N0} exceeds {model.Id}'s {model.MaxOutputTokens.Value:N0}-token output cap";
            return TraceRejectionKinds.OverCap;
        }

        long charge = TpmCharge.Of(new TokenCount(input), new TokenCount(output), new TokenCount(max)).Value;
        if (charge > model.ContextWindow.Value)
        {
            message = $"{TraceColumns.MaxTokens}: input of {input:N0} + max_tokens of {max:N0} = {charge:N0} tokens exceeds {model.Id}'s {model.ContextWindow.Value:N0}-token context window";
            return TraceRejectionKinds.OverCap;
        }

        return null;
    }

    /// <summary>An audio meter's tokens from its seconds column (the token column being absent or empty), converted with the model's rate.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private string? AudioSeconds(int secondsIndex, Meter meter, ModelSlot slot, out long value, ref string? message)
    {
        value = 0;
        string secondsColumn = TraceColumns.SecondsColumn(meter)!;
        var rate = meter.Info().Direction == MeterDirection.Input ? slot.Rates.Input : slot.Rates.Output;
        var seconds = Trim(_scan.Field(secondsIndex));
        if (seconds.IsEmpty)
        {
            return null;
        }

        if (!System.Buffers.Text.Utf8Parser.TryParse(seconds, out decimal parsed, out int consumed) || consumed != seconds.Length)
        {
            message = $"{secondsColumn}: must be a number of seconds >= 0, got {Show(seconds)}";
            return TraceRejectionKinds.UnparsableField;
        }

        if (parsed < 0)
        {
            message = $"{secondsColumn}: must be a number of seconds >= 0, got {Show(seconds)}";
            return TraceRejectionKinds.NegativeCount;
        }

        if (!AudioDuration.TryFromSeconds(parsed, out var duration, out string? error))
        {
            message = $"{secondsColumn}: {error}, got {Show(seconds)}";
            return TraceRejectionKinds.UnparsableField;
        }

        if (!rate.TryTokensFor(duration, out var tokens))
        {
            message = $"{secondsColumn}: {rate.TooMuchAudio(duration)}";
            return TraceRejectionKinds.OverCap;
        }

        value = tokens.Value;
        ConvertedAudioSeconds = true;
        return null;
    }
}
