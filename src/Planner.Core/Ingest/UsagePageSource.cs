using Planner.Core.Catalog;
using Planner.Core.Pricing;
using Planner.Core.Traces;

namespace Planner.Core.Ingest;

/// <summary>Usage API pages (<c>GET /v1/organization/usage/completions</c>): one page per file, JSONL of pages, or a
/// directory of them. Each result is <c>num_model_requests</c> requests sharing the result's tokens (equal shares, the
/// remainder one token each to the first), so a bucket prices exactly as its aggregate; no per-request cap is checked.
/// For pricing the requests are dated at the bucket's start; for a simulation they are spread over the bucket.</summary>
/// <remarks>The input is read a page at a time (<see cref="JsonPageSplitter"/>): memory is bounded by the largest page
/// (a page holds at most its <c>limit</c> of buckets: 31 1d, 168 1h or 1,440 1m), never by the input. When the definition
/// of input_tokens is not given it is decided over every result before the first is priced, so the input is read twice:
/// once for the decision (no buckets kept), once to price; a stream is spooled to a temporary file (deleted on
/// <see cref="Dispose"/>) during the first read.</remarks>
public sealed class UsagePageSource : IUsageSource
{
    /// <summary>The format key, "usage-pages".</summary>
    public const string FormatKey = "usage-pages";

    /// <summary>The widest bucket a simulation accepts (1h): a 1d bucket says nothing about a minute.</summary>
    public static readonly TimeSpan WidestSimulatedBucket = TimeSpan.FromHours(1);

    private readonly string[] _files;
    private readonly UsagePricer _pricer;
    private readonly TraceOptions _options;
    private readonly List<string> _assumptions = [];
    private readonly Random _random;
    private readonly InputTokensDefinition _definition;
    private readonly PriorityQueue<Pending, long> _queue = new();
    private Stream? _stream;
    private FileStream? _spool;
    private Stream? _input;
    private JsonPageSplitter? _pages;
    private int _file = -1;
    private List<UsageBucket> _buckets = [];
    private int _bucket;
    private int _result;
    private Pending? _current;
    private Pending? _last;
    private long _bytesDone;
    private string? _assumptionText;

    /// <summary>A source over <paramref name="files"/>, or over <paramref name="stream"/> (owned) named <c>files[0]</c>;
    /// a stream is spooled into <paramref name="spoolDirectory"/> when the definition must be detected.</summary>
    private UsagePageSource(string path, string[] files, Stream? stream, string? spoolDirectory, ModelCatalog catalog, TraceOptions options, TraceRejections rejections)
    {
        Path = path;
        _files = files;
        _stream = stream;
        _options = options;
        Rejections = rejections;
        _pricer = new UsagePricer(catalog, options);
        _random = new Random(options.SpreadSeed);
        try
        {
            if (options.InputTokens is { } given)
            {
                _definition = given;
                _assumptions.Add($"input_tokens read as {Describe(given)} (as asked)");
                FileLength = stream is null ? files.Sum(f => new FileInfo(f).Length) : stream.CanSeek ? stream.Length - stream.Position : 0;
            }
            else if (stream is not null)
            {
                _spool = new FileStream(System.IO.Path.Combine(spoolDirectory ?? System.IO.Path.GetTempPath(), $"planner-pages-{Guid.NewGuid():N}.jsonl"),
                    FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose | FileOptions.SequentialScan);
                _stream = null;
                using (stream)
                {
                    using var spooling = new SpoolingStream(stream, _spool);
                    _definition = Detect(spooling, 0, out _assumptionText);
                }

                _spool.Flush();
                FileLength = _spool.Length;
            }
            else
            {
                _definition = Detect(null, -1, out _assumptionText);
                FileLength = files.Sum(f => new FileInfo(f).Length);
            }
        }
        catch
        {
            Dispose();
            throw;
        }

        if (_assumptionText is not null)
        {
            _assumptions.Add(_assumptionText);
        }

        if (options.ForSimulation)
        {
            _assumptions.Add(options.Spread == BucketSpread.Even
                ? "each bucket's requests are spread evenly over the bucket (request i of n at (i + 1/2)/n of its width), each with an equal share of its tokens"
                : $"each bucket's requests arrive as a Poisson process over the bucket (n uniform instants, seed {options.SpreadSeed}), each with an equal share of its tokens");
        }
        else
        {
            _assumptions.Add("buckets are priced as aggregates (no per-request cap check); their requests are dated at the bucket's start");
        }
    }

    public string Path { get; }

    public string Format => FormatKey;

    /// <summary>Results read (each is a row: a group of requests in one bucket).</summary>
    public long RowsRead { get; private set; }

    /// <summary>Requests returned (a result of n requests gives n).</summary>
    public long RowsPriced { get; private set; }

    public TraceRejections Rejections { get; }

    public long FileLength { get; }

    public long BytePosition => _bytesDone + (_pages?.Position ?? 0);

    public bool ConvertedAudioSeconds => false;

    public IReadOnlyList<string> Assumptions => _assumptions;

    /// <summary>The definition of input_tokens the numbers were read with.</summary>
    public InputTokensDefinition InputTokens => _definition;

    /// <summary>Opens a page file, a JSONL of pages, or a directory of them (*.json and *.jsonl, by name).</summary>
    public static UsagePageSource Open(string path, ModelCatalog catalog, TraceOptions options, TraceRejections rejections)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(rejections);
        string[] files = Directory.Exists(path)
            ? Directory.EnumerateFiles(path).Where(f => f.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToArray()
            : [path];
        if (files.Length == 0)
        {
            throw new PlannerException(PlannerErrorKind.InvalidTrace, $"{path}: the directory has no .json or .jsonl Usage API pages");
        }

        return new UsagePageSource(path, files, null, null, catalog, options, rejections);
    }

    /// <summary>Reads pages (one page, or JSONL of pages) from <paramref name="stream"/> (owned, disposed with the source),
    /// named <paramref name="name"/> in messages, a page at a time. With the definition of input_tokens given the stream is
    /// read once; otherwise it is spooled to a temporary file while the definition is decided, and priced from there.</summary>
    public static UsagePageSource Open(Stream stream, string name, ModelCatalog catalog, TraceOptions options, TraceRejections rejections) =>
        Open(stream, name, catalog, options, rejections, null);

    /// <summary><see cref="Open(Stream, string, ModelCatalog, TraceOptions, TraceRejections)"/> spooling into
    /// <paramref name="spoolDirectory"/> (the temporary directory when null).</summary>
    internal static UsagePageSource Open(Stream stream, string name, ModelCatalog catalog, TraceOptions options, TraceRejections rejections, string? spoolDirectory)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(rejections);
        return new UsagePageSource(name, [name], stream, spoolDirectory, catalog, options, rejections);
    }

    public bool TryRead(out TraceRequest request)
    {
        while (true)
        {
            if (_queue.TryDequeue(out var pending, out long ticks) || (_current is { } c && c.Next < c.Count && (pending = c) is not null && (ticks = c.Start) >= 0))
            {
                if (Emit(pending, ticks, out request))
                {
                    return true;
                }

                continue;
            }

            _current = null;
            if (!NextResult())
            {
                request = default;
                NoRequests.Check(this, _options);
                return false;
            }
        }
    }

    public string? GroupOf(UsageGroupBy by) => _last?.Result is not { } r ? null : by switch
    {
        UsageGroupBy.Project => r.ProjectId,
        UsageGroupBy.ApiKey => r.ApiKeyId,
        UsageGroupBy.User => r.UserId,
        _ => _last.Slot.Model.BillingId,
    };

    public void Dispose()
    {
        _pages?.Dispose();
        _pages = null;
        _input?.Dispose();
        _input = null;
        _stream?.Dispose();
        _stream = null;
        _spool?.Dispose();
        _spool = null;
    }

    private bool Emit(Pending pending, long ticks, out TraceRequest request)
    {
        long index = pending.Next++;
        var usage = pending.Parts.Share(index, pending.Count).ToUsage();
        string? message = null;
        string? kind = UsagePricer.Price(pending.Slot, ticks, usage, out var cost, ref message);
        if (kind is not null)
        {
            // A price period problem applies to the whole result: reject it once, drop its remaining requests.
            pending.Next = pending.Count;
            Reject(pending.Result.Line, kind, message!);
            request = default;
            return false;
        }

        if (_options.ForSimulation && pending.Next < pending.Count)
        {
            _queue.Enqueue(pending, pending.TimeOf(pending.Next, _random));
        }

        RowsPriced++;
        _last = pending;
        request = new TraceRequest(pending.Result.Line, new DateTimeOffset(ticks, TimeSpan.Zero), pending.Slot.Model, usage, null, cost);
        return true;
    }

    /// <summary>Moves to the next result (and, for a simulation, queues every result of the next bucket at once).</summary>
    private bool NextResult()
    {
        while (true)
        {
            if (_bucket < _buckets.Count)
            {
                var bucket = _buckets[_bucket];
                if (_options.ForSimulation && _result == 0 && bucket.EndTicks - bucket.StartTicks > WidestSimulatedBucket.Ticks)
                {
                    throw new PlannerException(PlannerErrorKind.InvalidTrace,
                        $"{_files[_file]}:{bucket.Line}: bucket: {TimeSpan.FromTicks(bucket.EndTicks - bucket.StartTicks).TotalHours:0.##} h wide; a simulation needs 1m or 1h buckets (a 1d bucket says nothing about a minute); export with bucket_width=1m or 1h, or use price");
                }

                if (_result < bucket.Results.Count)
                {
                    var pending = Prepare(bucket, bucket.Results[_result++]);
                    if (pending is null)
                    {
                        continue;
                    }

                    if (!_options.ForSimulation)
                    {
                        _current = pending;
                        return true;
                    }

                    _queue.Enqueue(pending, pending.TimeOf(0, _random));
                    if (_result < bucket.Results.Count)
                    {
                        continue;
                    }
                }

                _bucket++;
                _result = 0;
                if (_queue.Count > 0)
                {
                    return true;
                }

                continue;
            }

            if (!NextPage())
            {
                return false;
            }
        }
    }

    /// <summary>Moves to the next page: of this input, else of the next one.</summary>
    private bool NextPage()
    {
        while (true)
        {
            if (_pages is not null && _pages.TryNext(out var page, out long line))
            {
                _buckets = UsagePageParser.Parse(_files[_file], page.Span, line);
                _bucket = 0;
                _result = 0;
                return true;
            }

            if (_pages is not null)
            {
                _bytesDone += _pages.Position;
                _pages.Dispose();
                _pages = null;
                if (_input != _spool)
                {
                    _input?.Dispose();
                }

                _input = null;
            }

            if (_file + 1 >= _files.Length)
            {
                return false;
            }

            _file++;
            _input = Input(_file);
            _pages = new JsonPageSplitter(_input, _files[_file], comments: true);
        }
    }

    /// <summary>Input <paramref name="index"/> from its start: the spool, the stream (read once), or the file.</summary>
    private Stream Input(int index)
    {
        if (_spool is not null)
        {
            _spool.Position = 0;
            return _spool;
        }

        if (_stream is not null)
        {
            var stream = _stream;
            _stream = null;
            return stream;
        }

        return new FileStream(_files[index], FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
    }

    /// <summary>Checks a result and applies the input_tokens definition (the one mapping of this format); null when rejected or empty.</summary>
    private Pending? Prepare(UsageBucket bucket, UsageResult r)
    {
        RowsRead++;
        if (r.Object is { } type && type != "organization.usage.completions.result")
        {
            string reason = type == "organization.costs.result"
                ? "organization.costs.result is a Costs API result; give it to reconcile as the costs"
                : $"'{type}' is not completions usage (organization.usage.completions.result)";
            Reject(r.Line, TraceRejectionKinds.UnparsableField, "object: " + reason);
            return null;
        }

        if (r.InputTokens < 0 || r.OutputTokens < 0 || r.Requests < 0)
        {
            string field = r.InputTokens < 0 ? "input_tokens" : r.OutputTokens < 0 ? "output_tokens" : "num_model_requests";
            Reject(r.Line, UsageRejectionKinds.MissingUsage, $"{field}: missing; a completions usage result needs input_tokens, output_tokens and num_model_requests");
            return null;
        }

        UsageParts parts;
        if (_definition == InputTokensDefinition.TextOnly)
        {
            if (r.InputCachedTokens > r.InputTokens)
            {
                Reject(r.Line, UsageRejectionKinds.PartsExceedTotal, $"input_cached_tokens: {r.InputCachedTokens:N0} exceed input_tokens of {r.InputTokens:N0}; cached tokens are part of it");
                return null;
            }

            parts = new UsageParts
            {
                TextInput = r.InputTokens - r.InputCachedTokens,
                CachedTextInput = r.InputCachedTokens,
                AudioInput = r.InputAudioTokens,
                TextOutput = r.OutputTokens,
                AudioOutput = r.OutputAudioTokens,
            };
        }
        else
        {
            if (checked(r.InputAudioTokens + r.InputCachedTokens) > r.InputTokens)
            {
                Reject(r.Line, UsageRejectionKinds.PartsExceedTotal,
                    $"input_tokens: input_audio_tokens ({r.InputAudioTokens:N0}) + input_cached_tokens ({r.InputCachedTokens:N0}) = {r.InputAudioTokens + r.InputCachedTokens:N0} exceed input_tokens of {r.InputTokens:N0} (read as all modalities; the older text-only definition would fit)");
                return null;
            }

            if (r.OutputAudioTokens > r.OutputTokens)
            {
                Reject(r.Line, UsageRejectionKinds.PartsExceedTotal, $"output_tokens: output_audio_tokens ({r.OutputAudioTokens:N0}) exceed output_tokens of {r.OutputTokens:N0} (read as all modalities)");
                return null;
            }

            parts = UsageParts.FromSubsetTotals(r.InputTokens, r.InputCachedTokens, r.InputAudioTokens, r.OutputTokens, r.OutputAudioTokens);
        }

        if (r.Requests == 0)
        {
            if (parts.Input + parts.Output > 0)
            {
                Reject(r.Line, UsageRejectionKinds.ZeroRequests, $"num_model_requests: 0, but the result has {parts.Input + parts.Output:N0} tokens; tokens need requests");
            }

            return null;
        }

        ModelSlot? slot;
        if (_pricer.HasOverride)
        {
            slot = _pricer.Find(default);
        }
        else if (r.Model is null)
        {
            Reject(r.Line, TraceRejectionKinds.MissingField, "model: missing; export the usage with group_by=model (or give a model override)");
            return null;
        }
        else
        {
            var name = System.Text.Encoding.UTF8.GetBytes(r.Model);
            slot = _pricer.Find(name);
            if (slot is null)
            {
                Reject(r.Line, TraceRejectionKinds.UnknownModel, _pricer.Unknown("model", name));
                return null;
            }
        }

        return new Pending(r, slot!, parts, r.Requests, bucket.StartTicks, bucket.EndTicks - bucket.StartTicks, _options.Spread);
    }

    private void Reject(long line, string kind, string message)
    {
        string file = _files[Math.Max(_file, 0)];
        if (!_options.SkipInvalid)
        {
            throw new PlannerException(PlannerErrorKind.InvalidTrace, $"{file}:{line}: {message}");
        }

        Rejections.Add(new TraceRejection(line, kind, _files.Length > 1 ? $"{System.IO.Path.GetFileName(file)}: {message}" : message));
    }

    /// <summary>Reads every result once (a page at a time, keeping no bucket) to find which definition of input_tokens the
    /// numbers allow: <paramref name="stream"/> when given (input <paramref name="index"/>), else every file.</summary>
    private InputTokensDefinition Detect(Stream? stream, int index, out string assumption)
    {
        long provingLine = -1;
        string? provingFile = null;
        bool anyAudio = false;
        for (int i = stream is null ? 0 : index; i < (stream is null ? _files.Length : index + 1); i++)
        {
            string file = _files[i];
            using var input = stream is null ? new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan) : null;
            using var pages = new JsonPageSplitter(input ?? stream!, file, comments: true);
            while (pages.TryNext(out var page, out long line))
            {
                foreach (var bucket in UsagePageParser.Parse(file, page.Span, line))
                {
                    foreach (var r in bucket.Results)
                    {
                        anyAudio |= r.InputAudioTokens > 0 || r.OutputAudioTokens > 0;
                        if (provingLine < 0 && r.ProvesTextOnly)
                        {
                            provingLine = r.Line;
                            provingFile = file;
                        }
                    }
                }
            }
        }

        if (provingLine >= 0)
        {
            assumption = $"input_tokens read as {Describe(InputTokensDefinition.TextOnly)}: at {provingFile}:{provingLine} the audio and cached parts exceed it, so it cannot count all modalities (older spec)";
            return InputTokensDefinition.TextOnly;
        }

        assumption = anyAudio
            ? $"input_tokens read as {Describe(InputTokensDefinition.AllModalities)} (the current spec); the numbers allow both definitions: set usage_input_tokens to text if the export used the older one"
            : "input_tokens: no audio in the usage, so both definitions agree";
        return InputTokensDefinition.AllModalities;
    }

    private static string Describe(InputTokensDefinition definition) => definition == InputTokensDefinition.TextOnly
        ? "text only (audio apart in input_audio_tokens, output audio apart from output_tokens)"
        : "all modalities (audio and cached inside it)";

    /// <summary>A result being emitted as requests.</summary>
    private sealed class Pending(UsageResult result, ModelSlot slot, UsageParts parts, long count, long start, long width, BucketSpread spread)
    {
        private double _u;

        public UsageResult Result { get; } = result;
        public ModelSlot Slot { get; } = slot;
        public UsageParts Parts { get; } = parts;
        public long Count { get; } = count;
        public long Start { get; } = start;
        public long Next { get; set; }

        /// <summary>When request <paramref name="index"/> arrives (called in increasing order of index).</summary>
        public long TimeOf(long index, Random random)
        {
            if (spread == BucketSpread.Even)
            {
                return Start + (long)((((Int128)((2 * index) + 1)) * width) / (2 * (Int128)Count));
            }

            // The next of n sorted uniforms: U(k) = 1 - (1 - U(k-1)) x V^(1/(n-k)).
            _u = 1 - ((1 - _u) * Math.Pow(random.NextDouble(), 1.0 / (Count - index)));
            return Start + Math.Min(width - 1, (long)(_u * width));
        }
    }
}
