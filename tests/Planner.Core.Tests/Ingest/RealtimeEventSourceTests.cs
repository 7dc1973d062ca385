using Planner.Core.Ingest;
using Planner.Core.Traces;

namespace Planner.Core.Tests.Ingest;

public class RealtimeEventSourceTests
{
    // Realtime server events (API reference "session.created", "response.done"): cached tokens are inside input_tokens, and
    // cached_tokens_details splits them by modality, each inside that modality's count.
    private const string SessionCreated =
        """{"type":"session.created","event_id":"event_C1","session":{"id":"sess_1","object":"realtime.session","type":"realtime","model":"gpt-realtime-mini-2025-12-15","output_modalities":["audio"]}}""";

    private const string ResponseDone =
        """{"type":"response.done","event_id":"event_C5","timestamp":"2026-01-15T10:00:00Z","response":{"object":"realtime.response","id":"resp_1","status":"completed","output":[],"max_output_tokens":1000,"usage":{"total_tokens":1300,"input_tokens":1000,"output_tokens":300,"input_token_details":{"text_tokens":200,"audio_tokens":800,"image_tokens":0,"cached_tokens":500,"cached_tokens_details":{"text_tokens":100,"audio_tokens":400,"image_tokens":0}},"output_token_details":{"text_tokens":50,"audio_tokens":250}}}}""";

    private const string AudioDelta = """{"type":"response.output_audio.delta","event_id":"event_C3","response_id":"resp_1","delta":"AAAA"}""";

    private static RealtimeEventSource Open(string text, TraceOptions? options = null, TraceRejections? rejections = null) =>
        (RealtimeEventSource)UsageFormats.Open(UsageFiles.Write(text), UsageFiles.WithRealtime, options ?? new TraceOptions(), rejections ?? new TraceRejections());

    [Fact]
    public void ResponseDone_WithCachedAudio_SplitsCachedTextAudioAndImageOutOfTheirModalities()
    {
        using var source = Open(string.Join("\n", SessionCreated, AudioDelta, ResponseDone));

        source.TryRead(out var row).Should().BeTrue();
        var parts = source.Current.Parts;

        // text 200 of which 100 cached; audio 800 of which 400 cached; output 300 of which 250 audio.
        (parts.TextInput, parts.CachedTextInput, parts.AudioInput, parts.CachedAudioInput, parts.ImageInput, parts.CachedImageInput, parts.TextOutput, parts.AudioOutput)
            .Should().Be((100L, 100L, 400L, 400L, 0L, 0L, 50L, 250L));
        row.Line.Should().Be(3);
        row.Model.BillingId.Should().Be("gpt-realtime-mini-2025-12-15");
        row.Timestamp.Should().Be(new DateTimeOffset(2026, 1, 15, 10, 0, 0, TimeSpan.Zero));
        row.MaxTokens!.Value.Value.Should().Be(1000);
        // gpt-realtime-mini: text 0.60, cached text 0.06, audio 10, cached audio 0.30, text out 2.40, audio out 20 per 1M.
        row.Cost.Total.Value.Should().Be((100 * 0.60m + 100 * 0.06m + 400 * 10m + 400 * 0.30m + 50 * 2.40m + 250 * 20m) / 1_000_000);
        row.Cost.CachedAudioInput.Value.Should().Be(400 * 0.30m / 1_000_000);
        source.TryRead(out _).Should().BeFalse();
    }

    [Fact]
    public void OtherEventTypes_AreSkippedAndCountedByType_NotRows()
    {
        using var source = Open(string.Join("\n", SessionCreated, AudioDelta, AudioDelta, ResponseDone));

        while (source.TryRead(out _))
        {
        }

        source.RowsRead.Should().Be(1);
        source.Skipped.Should().Be(3);
        source.SkippedByType.Should().BeEquivalentTo(new Dictionary<string, long> { ["session.created"] = 1, ["response.output_audio.delta"] = 2 });
    }

    [Fact]
    public void EventsWithoutTimestamp_ArePlacedInFileOrderOneSecondApart_AndSaySo()
    {
        string done = ResponseDone.Replace("\"timestamp\":\"2026-01-15T10:00:00Z\",", "", StringComparison.Ordinal);
        var origin = new DateTimeOffset(2026, 1, 15, 0, 0, 0, TimeSpan.Zero);
        using var source = Open(string.Join("\n", SessionCreated, done, done), new TraceOptions { UntimedOrigin = origin });

        source.TryRead(out var first).Should().BeTrue();
        source.TryRead(out var second).Should().BeTrue();

        first.Timestamp.Should().Be(origin);
        second.Timestamp.Should().Be(origin.AddSeconds(1));
        source.Assumptions.Should().ContainSingle().Which.Should().Be("lines without a timestamp are placed in file order, 1 s apart from 2026-01-15T00:00:00Z (priced at that date)");
    }

    [Fact]
    public void ResponseDone_BeforeAnySessionModel_IsABadRowNamingSessionModel()
    {
        var rejections = new TraceRejections();
        using var source = Open(ResponseDone, new TraceOptions { SkipInvalid = true }, rejections);

        source.TryRead(out _).Should().BeFalse();

        rejections.First.Single().Message.Should().Be("session.model: unknown; no session.created or session.updated event with a model came before this response.done (give a model override)");
    }

    [Fact]
    public void CachedAudioLargerThanAudio_IsABadRow()
    {
        string bad = ResponseDone.Replace("\"cached_tokens_details\":{\"text_tokens\":100,\"audio_tokens\":400", "\"cached_tokens_details\":{\"text_tokens\":100,\"audio_tokens\":900", StringComparison.Ordinal)
            .Replace("\"cached_tokens\":500", "\"cached_tokens\":1000", StringComparison.Ordinal);
        var rejections = new TraceRejections();
        using var source = Open(SessionCreated + "\n" + bad, new TraceOptions { SkipInvalid = true }, rejections);

        source.TryRead(out _).Should().BeFalse();

        rejections.First.Single().Should().Be(new TraceRejection(2, UsageRejectionKinds.PartsExceedTotal,
            "response.usage.input_token_details.cached_tokens_details.audio_tokens: cached audio_tokens = 900 exceed audio_tokens of 800; they are parts of it (text = total - audio - cached)"));
    }

    [Fact]
    public void Calibrate_CacheHitShare_IsCachedOverTheConversationSentBefore()
    {
        // Two Responses in one session: the second re-sends the first's input (1,000) and output (300).
        const string second = """{"type":"response.done","timestamp":"2026-01-15T10:00:05Z","response":{"usage":{"input_tokens":1500,"output_tokens":100,"input_token_details":{"text_tokens":300,"audio_tokens":1200,"cached_tokens":1040,"cached_tokens_details":{"text_tokens":240,"audio_tokens":800}},"output_token_details":{"audio_tokens":100}}}}""";
        using var source = Open(string.Join("\n", SessionCreated, ResponseDone, second));

        var calibration = Calibrator.Measure(source);

        calibration.Requests.Should().Be(2);
        // cacheable = min(1,500, 1,000 + 300) = 1,300; cached 1,040: 0.8. The first Response of a session counts on neither side.
        calibration.CacheHitShare.Should().Be(1040.0 / 1300);
        calibration.CacheableResponses.Should().Be(1);
        // max_tokens: only the first gives it (1,000), with 300 output.
        calibration.MaxTokensUsed.Should().Be(0.3);
    }
}
