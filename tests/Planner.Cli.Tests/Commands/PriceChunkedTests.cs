using System.Text;

namespace Planner.Cli.Tests.Commands;

/// <summary><c>price</c> on a trace large enough to be read in chunks on every core (4 MiB and more): the same exact
/// figures, rejections and first bad row as a sequential read, worked out by hand.</summary>
public sealed class PriceChunkedTests : IDisposable
{
    private const int Rows = 60_000;
    private const int BadLine = 30_001;
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"planner-cli-chunked-{Guid.NewGuid():N}.csv");

    public PriceChunkedTests()
    {
        // Rows alternate: even rows 1,000 text input tokens on gpt-audio-mini, odd rows 100 audio output tokens on
        // gpt-audio, one second apart from 09:00; the row on line 30,001 has a negative count. A 40-byte request id
        // makes the file about 5 MB, over the 4 MiB from which price reads in chunks.
        var text = new StringBuilder("timestamp,model,input_text_tokens,output_audio_tokens,request_id\n");
        var start = new DateTime(2026, 1, 15, 9, 0, 0, DateTimeKind.Utc);
        string id = new('r', 40);
        for (int i = 0; i < Rows; i++)
        {
            string stamp = start.AddSeconds(i).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
            text.Append(i + 2 == BadLine ? $"{stamp},gpt-audio-mini,-5,0,{id}\n" : i % 2 == 0 ? $"{stamp},gpt-audio-mini,1000,0,{id}\n" : $"{stamp},gpt-audio,0,100,{id}\n");
        }

        File.WriteAllText(_path, text.ToString());
        new FileInfo(_path).Length.Should().BeGreaterThan(4L << 20);
    }

    public void Dispose() => File.Delete(_path);

    [Fact]
    public void Price_LargeTraceWithSkipInvalid_PricesEveryOtherRowByHandAndListsTheBadLine()
    {
        var result = CliRunner.Run("price", _path, "--json", "--skip-invalid", "--by", "model");

        result.ExitCode.Should().Be(0, result.Error);
        using var json = result.Json();
        var root = json.RootElement;
        root.GetProperty("rows_read").GetInt64().Should().Be(Rows);
        root.GetProperty("rows_priced").GetInt64().Should().Be(Rows - 1);
        var first = root.GetProperty("rejections").GetProperty("first").EnumerateArray().Single();
        first.GetProperty("line").GetInt64().Should().Be(BadLine);
        first.GetProperty("message").GetString().Should().Be("input_text_tokens: must be a whole number >= 0, got '-5'");
        // Line 30,001 is row 29,999 (0-based, odd, so a gpt-audio row is the bad one): 30,000 gpt-audio-mini rows of
        // 1,000 text tokens at $0.60 per 1M, 29,999 gpt-audio rows of 100 audio output tokens at $64 per 1M.
        decimal mini = 30_000 * 1_000 * 0.60m / 1_000_000;
        decimal audio = 29_999 * 100 * 64.00m / 1_000_000;
        root.GetProperty("total_usd").GetDecimal().Should().Be(mini + audio);
        var groups = root.GetProperty("by").GetProperty("groups").EnumerateArray()
            .Select(g => (g.GetProperty("group").GetString(), g.GetProperty("requests").GetInt64(), g.GetProperty("total_usd").GetDecimal()));
        groups.Should().Equal(("gpt-audio", 29_999L, audio), ("gpt-audio-mini", 30_000L, mini));
        // 60,000 seconds from 09:00: hours 09 to 01 the next day, 3,600 requests an hour, the last hour 2,400.
        var hours = root.GetProperty("per_hour").EnumerateArray().Select(h => h.GetProperty("requests").GetInt64()).ToList();
        hours.Should().HaveCount(17);
        hours.Sum().Should().Be(Rows - 1);
        hours[^1].Should().Be(2_400);
    }

    [Fact]
    public void Price_LargeTraceWithABadRow_StopsAtItsLine()
    {
        var result = CliRunner.Run("price", _path, "--json");

        result.ExitCode.Should().Be(2);
        result.Error.Should().Be($"planner: {_path}:{BadLine}: input_text_tokens: must be a whole number >= 0, got '-5'" + Environment.NewLine);
    }
}
