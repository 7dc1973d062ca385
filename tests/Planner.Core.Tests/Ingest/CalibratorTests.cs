using Planner.Core.Ingest;
using Planner.Core.Traces;

namespace Planner.Core.Tests.Ingest;

public class CalibratorTests
{
    [Fact]
    public void AudioRates_AreTokensOverSeconds_OfTheLinesThatCarryDurations()
    {
        string log = string.Join("\n",
            """{"created":1768471200,"model":"gpt-audio-mini","input_audio_seconds":10,"output_audio_seconds":5,"usage":{"prompt_tokens":130,"completion_tokens":110,"prompt_tokens_details":{"audio_tokens":120},"completion_tokens_details":{"audio_tokens":105}}}""",
            """{"created":1768471260,"model":"gpt-audio-mini","input_audio_seconds":2.5,"usage":{"prompt_tokens":40,"completion_tokens":10,"prompt_tokens_details":{"audio_tokens":30}}}""",
            """{"created":1768471320,"model":"gpt-audio-mini","usage":{"prompt_tokens":999,"completion_tokens":10,"prompt_tokens_details":{"audio_tokens":900}}}""");
        using var source = (JsonLinesSource)UsageFormats.Open(UsageFiles.Write(log), TestData.Catalog, new TraceOptions(), new TraceRejections());

        var calibration = Calibrator.Measure(source);

        // (120 + 30) / (10 + 2.5) = 12 tokens/s in; 105 / 5 = 21 out. The line without durations is not counted.
        calibration.AudioInputTokensPerSecond.Should().Be(12);
        calibration.AudioInputLines.Should().Be(2);
        calibration.AudioOutputTokensPerSecond.Should().Be(21);
        calibration.CacheHitShare.Should().BeNull();
        calibration.MaxTokensUsed.Should().BeNull();
    }
}
