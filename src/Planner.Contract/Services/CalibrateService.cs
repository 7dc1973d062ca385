using System.Globalization;
using Planner.Contract.Queries;
using Planner.Contract.Results;
using Planner.Core;
using Planner.Core.Ingest;
using Planner.Core.Traces;

namespace Planner.Contract.Services;

/// <summary>Runs <c>calibrate</c>: measures a response log or Realtime events opened with <c>query.ToTraceOptions(now)</c>.</summary>
public static class CalibrateService
{
    /// <summary>Reads <paramref name="source"/> once. A source of another format throws <see cref="PlannerException"/>:
    /// only a response log or Realtime events carry one request's usage with its details.</summary>
    public static CalibrateResult Run(CalibrateQuery query, IUsageSource source)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(source);
        if (source is not JsonLinesSource log)
        {
            throw new PlannerException(PlannerErrorKind.InvalidTrace,
                $"{source.Path}: calibrate reads a response log or Realtime events, not {source.Format}: only they carry one request's usage with its details");
        }

        var c = Calibrator.Measure(log);
        return new CalibrateResult
        {
            Trace = log.Path,
            RowsRead = log.RowsRead,
            RowsPriced = log.RowsRead - log.Rejections.Count,
            RowsRejected = log.Rejections.Count,
            Rejections = RejectionsResult.From(log.Rejections),
            Format = log.Format,
            EventsSkipped = log.Skipped,
            SkippedByType = new Dictionary<string, long>(log.SkippedByType, StringComparer.Ordinal),
            Requests = c.Requests,
            AudioInputTokensPerSecond = Round(c.AudioInputTokensPerSecond),
            AudioInputLines = c.AudioInputLines,
            AudioOutputTokensPerSecond = Round(c.AudioOutputTokensPerSecond),
            AudioOutputLines = c.AudioOutputLines,
            CacheHitShare = Round(c.CacheHitShare),
            CacheableResponses = c.CacheableResponses,
            CachedInputShare = Round(c.CachedInputShare),
            MaxTokensUsed = Round(c.MaxTokensUsed),
            MaxTokensRequests = c.MaxTokensRequests,
            Options = string.Join(' ', Options(c)),
            Warnings = [],
        };
    }

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 6) : null;

    private static List<string> Options(Calibration c)
    {
        var options = new List<string>();
        if (c.AudioInputTokensPerSecond is { } i)
        {
            options.Add("--audio-in-rate " + i.ToString("0.##", CultureInfo.InvariantCulture));
        }

        if (c.AudioOutputTokensPerSecond is { } o)
        {
            options.Add("--audio-out-rate " + o.ToString("0.##", CultureInfo.InvariantCulture));
        }

        if (c.CacheHitShare is { } h)
        {
            options.Add("--cache-hit " + h.ToString("0.##", CultureInfo.InvariantCulture));
        }

        return options;
    }
}
