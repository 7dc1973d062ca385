using System.Text;

namespace Planner.Core.Traces;

/// <summary>Writes synthetic traces of a voice-support product: diurnal Poisson arrivals and skewed
/// (log-normal) token counts, deterministic for a seed. Streams: memory does not grow with the row count.</summary>
/// <remarks>Arrivals: a Poisson process conditioned on exactly N events in the period has its events at N
/// independent draws from the normalised intensity, sorted. The sorted draws are generated in ascending order
/// directly (the k-th largest of k uniforms is U^(1/k)), then mapped through the inverse of a piecewise-constant
/// intensity per minute (quiet nights, busy office hours, UTC; optionally a surge). Token counts: log-normal, capped well inside the
/// models' limits, with max_tokens on about 70% of rows (never below the output).</remarks>
public static class TraceGenerator
{
    /// <summary>The header the generator writes.</summary>
    public const string Header = "timestamp,model,input_text_tokens,cached_input_tokens,input_audio_tokens,output_text_tokens,output_audio_tokens,max_tokens,request_id";

    /// <summary>Relative arrival intensity of each UTC hour of the day.</summary>
    private static readonly double[] HourlyWeights =
    [
        0.30, 0.25, 0.20, 0.20, 0.25, 0.35, 0.50, 0.70, 0.90, 1.00, 1.00, 0.95,
        0.90, 0.95, 1.00, 1.00, 0.95, 0.85, 0.70, 0.60, 0.50, 0.45, 0.40, 0.35,
    ];

    /// <summary>Writes a trace to <paramref name="path"/> (replacing it).</summary>
    /// <exception cref="PlannerException">Invalid options.</exception>
    public static void Write(string path, TraceGeneratorOptions options)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        Write(stream, options);
    }

    /// <summary>Writes a trace to <paramref name="output"/> as UTF-8.</summary>
    /// <exception cref="PlannerException">Invalid options.</exception>
    public static void Write(Stream output, TraceGeneratorOptions options)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Problems();
        if (problems.Count > 0)
        {
            throw new PlannerException(PlannerErrorKind.InvalidArgument, string.Join("; ", problems));
        }

        var random = new Random(options.Seed);
        var buffer = new byte[1 << 20];
        int used = Encoding.ASCII.GetBytes(Header + "\n", buffer);
        long startTicks = options.Start.ToDateTime(TimeOnly.MinValue).Ticks;
        double[] weights = MinuteWeights(options);
        int minutes = weights.Length;
        double total = 0;
        foreach (double w in weights)
        {
            total += w;
        }

        double remaining = 1.0;
        int minute = 0;
        double minuteStart = 0;
        long dayIndex = -1;
        var dateText = new byte[11];
        for (long k = options.Rows; k >= 1; k--)
        {
            remaining *= Math.Pow(random.NextDouble(), 1.0 / k);
            double target = (1.0 - remaining) * total;
            while (minute < minutes - 1 && target >= minuteStart + weights[minute])
            {
                minuteStart += weights[minute];
                minute++;
            }

            double within = Math.Clamp((target - minuteStart) / weights[minute], 0, 1);
            long offsetMs = Math.Min((minute * 60_000L) + (long)(within * 60_000), (minutes * 60_000L) - 1);
            long ticks = startTicks + (offsetMs * TimeSpan.TicksPerMillisecond);

            if (used > buffer.Length - 256)
            {
                output.Write(buffer, 0, used);
                used = 0;
            }

            var span = buffer.AsSpan(used);
            int n = 0;
            long day = ticks / TimeSpan.TicksPerDay;
            if (day != dayIndex)
            {
                dayIndex = day;
                Encoding.ASCII.GetBytes(new DateTime(day * TimeSpan.TicksPerDay).ToString("yyyy-MM-dd'T'", System.Globalization.CultureInfo.InvariantCulture), dateText);
            }

            dateText.CopyTo(span);
            n += dateText.Length;
            long ms = offsetMs % 86_400_000;
            n += Two(span[n..], ms / 3_600_000);
            span[n++] = (byte)':';
            n += Two(span[n..], ms / 60_000 % 60);
            span[n++] = (byte)':';
            n += Two(span[n..], ms / 1000 % 60);
            span[n++] = (byte)'.';
            span[n++] = (byte)('0' + (ms % 1000 / 100));
            span[n++] = (byte)('0' + (ms % 100 / 10));
            span[n++] = (byte)('0' + (ms % 10));
            span[n++] = (byte)'Z';
            span[n++] = (byte)',';

            bool escalated = random.NextDouble() < options.EscalationShare;
            n += Ascii(span[n..], escalated ? "gpt-audio," : "gpt-audio-mini,");
            long textIn = LogNormal(random, 450, 0.6, 20_000);
            long cached = random.NextDouble() < 0.3 ? LogNormal(random, 512, 0.5, 8_000) : 0;
            long audioIn = LogNormal(random, 80, 0.8, 6_000);
            long textOut = LogNormal(random, 60, 0.5, 2_000);
            long audioOut = LogNormal(random, 160, 0.7, 8_000);
            long outputTokens = textOut + audioOut;
            n += Number(span[n..], textIn, ',');
            n += Number(span[n..], cached, ',');
            n += Number(span[n..], audioIn, ',');
            n += Number(span[n..], textOut, ',');
            n += Number(span[n..], audioOut, ',');
            if (random.NextDouble() < 0.7)
            {
                n += Number(span[n..], outputTokens <= 1024 ? 1024 : outputTokens <= 4096 ? 4096 : 16_384, ',');
            }
            else
            {
                span[n++] = (byte)',';
            }

            n += Ascii(span[n..], "req_");
            n += Number(span[n..], options.Rows - k + 1, '\n');
            used += n;
        }

        output.Write(buffer, 0, used);
        output.Flush();
    }

    /// <summary>The arrival intensity of each minute of the period: the hour's weight, times the surge factor
    /// during the surge.</summary>
    private static double[] MinuteWeights(TraceGeneratorOptions options)
    {
        var weights = new double[options.Days * 1440];
        for (int m = 0; m < weights.Length; m++)
        {
            weights[m] = HourlyWeights[m / 60 % 24];
        }

        if (options.SurgeAt is { } at)
        {
            int first = (int)at.TotalMinutes;
            int end = (int)Math.Min(weights.Length, first + (long)options.SurgeLength.TotalMinutes);
            for (int m = first; m < end; m++)
            {
                weights[m] *= options.SurgeFactor;
            }
        }

        return weights;
    }

    /// <summary>A log-normal draw with the given median and shape, rounded, at least 1 and at most <paramref name="cap"/>.</summary>
    private static long LogNormal(Random random, double median, double sigma, long cap)
    {
        double u1 = 1.0 - random.NextDouble();
        double u2 = random.NextDouble();
        double normal = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
        return Math.Clamp((long)Math.Round(median * Math.Exp(sigma * normal)), 1, cap);
    }

    private static int Two(Span<byte> span, long value)
    {
        span[0] = (byte)('0' + (value / 10));
        span[1] = (byte)('0' + (value % 10));
        return 2;
    }

    private static int Ascii(Span<byte> span, string text) => Encoding.ASCII.GetBytes(text, span);

    private static int Number(Span<byte> span, long value, char end)
    {
        value.TryFormat(span, out int written, default, System.Globalization.CultureInfo.InvariantCulture);
        span[written] = (byte)end;
        return written + 1;
    }
}
