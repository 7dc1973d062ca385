using CsvHelper;
using Planner.Core.Catalog;
using Planner.Core.Pricing;
using Planner.Core.Traces;

namespace Planner.Core.Ingest;

/// <summary>A CSV with OpenAI's column names: per-request rows (prompt_tokens / completion_tokens, or input_tokens /
/// output_tokens; audio and cached tokens inside them) or Usage API rows (with num_model_requests: each row is that
/// many requests sharing its tokens). Timestamps from start_time (Unix seconds), start_time_iso, timestamp or created.</summary>
public sealed class OpenAiCsvSource : IUsageSource
{
    /// <summary>The format key, "openai-csv".</summary>
    public const string FormatKey = "openai-csv";

    private readonly CsvReader _csv;
    private readonly Stream? _stream;
    private readonly UsagePricer _pricer;
    private readonly TraceOptions _options;
    private readonly List<string> _assumptions = [];
    private readonly InputTokensDefinition _definition;
    private readonly int _input, _output, _cached, _audioIn, _audioOut, _requests, _startTime, _startIso, _timestamp, _created, _model, _project, _user, _apiKey;
    private readonly string _inName, _outName;
    private readonly int _fieldsNeeded;
    private ModelSlot? _slot;
    private UsageParts _parts;
    private long _count;
    private long _next;
    private long _ticks;
    private long _line;
    private string? _projectValue, _userValue, _apiKeyValue;

    private OpenAiCsvSource(CsvReader csv, string path, long length, Stream? stream, ModelCatalog catalog, TraceOptions options, TraceRejections rejections)
    {
        _csv = csv;
        _stream = stream;
        Path = path;
        _options = options;
        Rejections = rejections;
        _pricer = new UsagePricer(catalog, options);
        FileLength = length;
        _input = Index(OpenAiCsvColumns.PromptTokens);
        _inName = OpenAiCsvColumns.PromptTokens;
        if (_input < 0)
        {
            _input = Index(OpenAiCsvColumns.InputTokens);
            _inName = OpenAiCsvColumns.InputTokens;
        }

        _output = Index(OpenAiCsvColumns.CompletionTokens);
        _outName = OpenAiCsvColumns.CompletionTokens;
        if (_output < 0)
        {
            _output = Index(OpenAiCsvColumns.OutputTokens);
            _outName = OpenAiCsvColumns.OutputTokens;
        }

        _cached = Index(OpenAiCsvColumns.InputCachedTokens);
        if (_cached < 0)
        {
            _cached = Index("cached_tokens");
        }

        _audioIn = Index(OpenAiCsvColumns.InputAudioTokens);
        _audioOut = Index(OpenAiCsvColumns.OutputAudioTokens);
        _requests = Index(OpenAiCsvColumns.NumModelRequests);
        _startTime = Index(OpenAiCsvColumns.StartTime);
        _startIso = Index(OpenAiCsvColumns.StartTimeIso);
        _timestamp = Index(TraceColumns.Timestamp);
        _created = Index("created");
        _model = Index(OpenAiCsvColumns.Model);
        _project = Index(OpenAiCsvColumns.ProjectId);
        _user = Index(OpenAiCsvColumns.UserId);
        _apiKey = Index(OpenAiCsvColumns.ApiKeyId);
        _fieldsNeeded = 1 + new[] { _input, _output, _cached, _audioIn, _audioOut, _requests, _startTime, _startIso, _timestamp, _created, _model, _project, _user, _apiKey }.Max();
        if (_startTime < 0 && _startIso < 0 && _timestamp < 0 && _created < 0)
        {
            throw new PlannerException(PlannerErrorKind.InvalidTrace, $"{path}:1: header: no time column; an OpenAI usage CSV needs start_time (Unix seconds), start_time_iso, timestamp or created");
        }

        if (_requests >= 0 && options.ForSimulation)
        {
            throw new PlannerException(PlannerErrorKind.InvalidTrace, $"{path}:1: num_model_requests: rows of aggregated requests cannot be simulated from a CSV (no bucket width); use the Usage API pages (1m or 1h buckets)");
        }

        _definition = options.InputTokens ?? InputTokensDefinition.AllModalities;
        if (_requests >= 0 && _audioIn >= 0)
        {
            _assumptions.Add(options.InputTokens is null
                ? $"{_inName} read as all modalities (audio and cached inside it, the current spec); set usage_input_tokens to text for the older text-only definition"
                : $"{_inName} read as {(_definition == InputTokensDefinition.TextOnly ? "text only" : "all modalities")} (as asked)");
        }

        if (_requests >= 0)
        {
            _assumptions.Add("rows with num_model_requests are priced as aggregates (no per-request cap check), dated at their start");
        }
    }

    public string Path { get; }

    public string Format => FormatKey;

    public long RowsRead { get; private set; }

    public long RowsPriced { get; private set; }

    public TraceRejections Rejections { get; }

    public long FileLength { get; }

    public long BytePosition => _csv.ByteOffset;

    public bool ConvertedAudioSeconds => false;

    public IReadOnlyList<string> Assumptions => _assumptions;

    /// <summary>Opens a CSV whose header has been checked to carry OpenAI columns.</summary>
    public static OpenAiCsvSource Open(string path, ModelCatalog catalog, TraceOptions options, TraceRejections rejections)
    {
        var csv = CsvReader.FromFile(path, CsvReaderOptions.Default with { Separator = ',', HasHeader = true, TrimWhitespace = true, TrackLineNumbers = true });
        try
        {
            return new OpenAiCsvSource(csv, path, new FileInfo(path).Length, null, catalog, options, rejections);
        }
        catch
        {
            csv.Dispose();
            throw;
        }
    }

    /// <summary>Reads a CSV with OpenAI's columns from <paramref name="stream"/> (owned: disposed with the source), named
    /// <paramref name="name"/> in messages.</summary>
    public static OpenAiCsvSource Open(Stream stream, string name, ModelCatalog catalog, TraceOptions options, TraceRejections rejections)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrEmpty(name);
        var csv = CsvReader.Create(stream, CsvReaderOptions.Default with { Separator = ',', HasHeader = true, TrimWhitespace = true, TrackLineNumbers = true }, leaveOpen: true);
        try
        {
            return new OpenAiCsvSource(csv, name, stream.CanSeek ? stream.Length : 0, stream, catalog, options, rejections);
        }
        catch
        {
            csv.Dispose();
            stream.Dispose();
            throw;
        }
    }

    public bool TryRead(out TraceRequest request)
    {
        while (true)
        {
            if (_next < _count)
            {
                var usage = _parts.Share(_next++, _count).ToUsage();
                string? message = null;
                string? kind = UsagePricer.Price(_slot!, _ticks, usage, out var cost, ref message);
                if (kind is not null)
                {
                    _count = 0;
                    Reject(_line, kind, message!);
                    continue;
                }

                RowsPriced++;
                request = new TraceRequest(_line, new DateTimeOffset(_ticks, TimeSpan.Zero), _slot!.Model, usage, null, cost);
                return true;
            }

            if (!_csv.Read())
            {
                request = default;
                NoRequests.Check(this, _options);
                return false;
            }

            RowsRead++;
            _line = _csv.LineNumber;
            _next = 0;
            _count = 0;
            var (badKind, badMessage) = ParseRow();
            if (badKind is not null)
            {
                Reject(_line, badKind, badMessage!);
            }
        }
    }

    public string? GroupOf(UsageGroupBy by) => by switch
    {
        UsageGroupBy.Project => _projectValue,
        UsageGroupBy.User => _userValue,
        UsageGroupBy.ApiKey => _apiKeyValue,
        _ => _slot?.Model.BillingId,
    };

    public void Dispose()
    {
        _csv.Dispose();
        _stream?.Dispose();
    }

    private (string? Kind, string? Message) ParseRow()
    {
        if (_csv.FieldCount < _fieldsNeeded)
        {
            return (TraceRejectionKinds.MissingField, $"{_csv.Headers[_csv.FieldCount]}: missing; the row has {_csv.FieldCount} field(s), the header {_csv.Headers.Count}");
        }

        string? message = null;
        if (!Time(out _ticks, ref message))
        {
            return (TraceRejectionKinds.UnparsableField, message);
        }

        if (_pricer.HasOverride)
        {
            _slot = _pricer.Find(default);
        }
        else
        {
            var name = _model < 0 ? default : _csv.GetSpan(_model);
            if (name.IsEmpty)
            {
                return (TraceRejectionKinds.MissingField, "model: missing; every row needs the model it used (or give a model override)");
            }

            _slot = _pricer.Find(name);
            if (_slot is null)
            {
                return (TraceRejectionKinds.UnknownModel, _pricer.Unknown("model", name));
            }
        }

        if (!Count(_input, _inName, out long input, ref message) || !Count(_output, _outName, out long output, ref message) ||
            !Count(_cached, OpenAiCsvColumns.InputCachedTokens, out long cached, ref message) || !Count(_audioIn, OpenAiCsvColumns.InputAudioTokens, out long audioIn, ref message) ||
            !Count(_audioOut, OpenAiCsvColumns.OutputAudioTokens, out long audioOut, ref message))
        {
            return (TraceRejectionKinds.UnparsableField, message);
        }

        long requests = 1;
        if (_requests >= 0 && !Count(_requests, OpenAiCsvColumns.NumModelRequests, out requests, ref message))
        {
            return (TraceRejectionKinds.UnparsableField, message);
        }

        // The one mapping of this format (the same subset semantics as the JSON formats).
        if (_definition == InputTokensDefinition.TextOnly && _requests >= 0)
        {
            if (cached > input)
            {
                return (UsageRejectionKinds.PartsExceedTotal, $"{OpenAiCsvColumns.InputCachedTokens}: {cached:N0} exceed {_inName} of {input:N0}; cached tokens are part of it");
            }

            _parts = new UsageParts { TextInput = input - cached, CachedTextInput = cached, AudioInput = audioIn, TextOutput = output, AudioOutput = audioOut };
        }
        else
        {
            if (checked(audioIn + cached) > input)
            {
                return (UsageRejectionKinds.PartsExceedTotal, $"{_inName}: {OpenAiCsvColumns.InputAudioTokens} ({audioIn:N0}) + {OpenAiCsvColumns.InputCachedTokens} ({cached:N0}) = {audioIn + cached:N0} exceed {_inName} of {input:N0}; they are parts of it (text = total - audio - cached)");
            }

            if (audioOut > output)
            {
                return (UsageRejectionKinds.PartsExceedTotal, $"{_outName}: {OpenAiCsvColumns.OutputAudioTokens} ({audioOut:N0}) exceed {_outName} of {output:N0}; they are part of it");
            }

            _parts = UsageParts.FromSubsetTotals(input, cached, audioIn, output, audioOut);
        }

        if (requests == 0)
        {
            return _parts.Input + _parts.Output > 0
                ? (UsageRejectionKinds.ZeroRequests, $"{OpenAiCsvColumns.NumModelRequests}: 0, but the row has {_parts.Input + _parts.Output:N0} tokens; tokens need requests")
                : (null, null);
        }

        if (_requests < 0)
        {
            var usage = _parts.ToUsage();
            var violation = RequestCaps.Check(_slot!.Model.Model, usage);
            if (violation != RequestViolation.None)
            {
                return (TraceRejectionKinds.OverCap, "tokens: " + RequestCaps.Describe(_slot.Model.Model, usage, violation));
            }
        }

        _projectValue = Group(_project);
        _userValue = Group(_user);
        _apiKeyValue = Group(_apiKey);
        _count = requests;
        return (null, null);
    }

    private string? Group(int index) => index < 0 || _csv.GetSpan(index).IsEmpty ? null : System.Text.Encoding.UTF8.GetString(_csv.GetSpan(index));

    private bool Time(out long ticks, ref string? message)
    {
        ticks = 0;
        foreach (int index in (ReadOnlySpan<int>)[_startTime, _created, _startIso, _timestamp])
        {
            if (index < 0)
            {
                continue;
            }

            var span = _csv.GetSpan(index);
            if (span.IsEmpty)
            {
                continue;
            }

            string column = _csv.Headers[index];
            if (System.Buffers.Text.Utf8Parser.TryParse(span, out long seconds, out int used) && used == span.Length)
            {
                if (Text.TryUnixSeconds(seconds, out ticks))
                {
                    return true;
                }
            }
            else if (DateTimeOffset.TryParse(System.Text.Encoding.UTF8.GetString(span), System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AssumeUniversal, out var instant))
            {
                ticks = instant.UtcTicks;
                return true;
            }

            message = $"{column}: not Unix seconds or an ISO-8601 instant, got '{Text.Show(span)}'";
            return false;
        }

        message = "start_time: empty; every row needs a time";
        return false;
    }

    private bool Count(int index, string column, out long value, ref string? message)
    {
        value = 0;
        if (index < 0)
        {
            return true;
        }

        var span = _csv.GetSpan(index);
        if (span.IsEmpty)
        {
            return true;
        }

        if (System.Buffers.Text.Utf8Parser.TryParse(span, out value, out int used) && used == span.Length && value >= 0)
        {
            return true;
        }

        message = $"{column}: must be a whole number >= 0, got '{Text.Show(span)}'";
        return false;
    }

    private void Reject(long line, string kind, string message)
    {
        if (!_options.SkipInvalid)
        {
            throw new PlannerException(PlannerErrorKind.InvalidTrace, $"{Path}:{line}: {message}");
        }

        Rejections.Add(new TraceRejection(line, kind, message));
    }

    private int Index(string name) => _csv.TryGetFieldIndex(name, out int index) ? index : -1;
}
