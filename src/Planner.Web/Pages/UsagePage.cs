using System.Text;
using Microsoft.AspNetCore.Http;
using Planner.Core;
using Planner.Core.Ingest;
using Planner.Contract.Queries;
using Planner.Contract.Results;
using Planner.Contract.Services;
using Planner.Web.Html;
using Planner.Web.Uploads;
using static Planner.Web.Html.Html;

namespace Planner.Web.Pages;

/// <summary>The Your usage page: upload a trace or any usage format Planner reads and get, from one read of it, its
/// exact cost by model, meter, day and hour (<see cref="PriceService"/>), the recommended tier
/// (<see cref="RecommendService"/>), a simulation at a chosen tier with its throughput against the limits
/// (<see cref="SimulateService"/>), and, when a Costs export comes too, the reconciliation (<see cref="ReconcileService"/>).
/// The bundled sample has a link of its own (<c>?sample=voice-support-day</c>); an upload's figures live in the
/// answer (a file cannot ride in a URL).</summary>
public static partial class UsagePage
{
    /// <summary>The bundled samples a link may name: name, file under the catalog's data folder. Nothing else can be opened.</summary>
    public static IReadOnlyList<(string Name, string File)> Samples { get; } = [("voice-support-day", "traces/voice-support-day.csv")];

    /// <summary>GET /usage: the form, and the sample's report when asked for (<c>tier</c> and <c>tolerance</c> from the query string).</summary>
    public static IResult Get(Site site, IQueryCollection query, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(query);
        var (settings, fieldErrors) = UsageSettings.Read(name => query.TryGetValue(name, out var v) ? v.ToString() : null, site.Catalog);
        var errors = fieldErrors.ToDictionary(e => e.Field, e => e.Message, StringComparer.Ordinal);
        string? sample = query.TryGetValue("sample", out var s) ? s.ToString() : null;
        if (sample is null)
        {
            return PageEndpoints.Page(Render(site, settings, null, errors), errors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
        }

        var entry = Samples.FirstOrDefault(x => x.Name == sample);
        if (entry.Name is null)
        {
            errors["sample"] = $"sample: unknown sample '{sample}'; the samples are {string.Join(", ", Samples.Select(x => x.Name))}";
        }

        if (errors.Count > 0)
        {
            return PageEndpoints.Page(Render(site, settings, null, errors), StatusCodes.Status400BadRequest);
        }

        string path = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(site.Options.CatalogPath))!, entry.File);
        try
        {
            using var source = UsageFormats.Open(path, site.Catalog, UsageRun.Options(site, settings), new Planner.Core.Traces.TraceRejections());
            var report = UsageRun.Run(site, source, Path.GetFileName(path), settings, null, null, cancellation);
            // A tier the sample cannot be simulated on is a problem with what was asked, as a bad tolerance is: 400 both.
            return PageEndpoints.Page(Render(site, settings, report, errors, sample: entry.Name), report.SimulationError is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
        }
        catch (PlannerException e)
        {
            errors[e.Kind is PlannerErrorKind.UnknownTier or PlannerErrorKind.TierNotSupported ? "tier" : "file"] = e.Message;
            return PageEndpoints.Page(Render(site, settings, null, errors), StatusCodes.Status400BadRequest);
        }
    }

    /// <summary>POST /usage: the fields, then the optional Costs export (part <c>costs</c>), then the usage file (part
    /// <c>file</c>), streamed into Core's readers and read once; a bad file answers 400 with Core's message beside its input.</summary>
    public static async Task<IResult> PostAsync(Site site, HttpRequest request, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var settings = new UsageSettings(UsageSettings.Recommended, new ReconcileQuery());
        IReadOnlyList<BilledCost>? billed = null;
        string? costs = null;
        string reading = "file";
        try
        {
            var report = await UploadReader.ReadAsync(request, site.Options.MaxUploadBytes, site.Catalog, fields =>
            {
                IReadOnlyList<Planner.Contract.FieldError> fieldErrors;
                (settings, fieldErrors) = UsageSettings.Read(name => fields.TryGetValue(name, out var v) ? v : null, site.Catalog);
                foreach (var error in fieldErrors)
                {
                    errors[error.Field] = error.Message;
                }

                return UsageRun.Options(site, settings);
            }, (source, name, _) => errors.Count > 0 ? null : UsageRun.Run(site, source, name, settings, billed, costs, cancellation),
            (field, name, body, _) =>
            {
                if (field != "costs")
                {
                    return Task.CompletedTask;
                }

                // A Costs export is read from the body as it arrives, a page at a time (as the CLI reads the file).
                reading = "costs";
                billed = CostsPages.Read(name, body);
                costs = name;
                reading = "file";
                return Task.CompletedTask;
            }, cancellation).ConfigureAwait(false);
            return PageEndpoints.Page(Render(site, settings, report, errors), errors.Count > 0 || report?.SimulationError is not null ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
        }
        catch (PlannerException e)
        {
            errors[e.Kind is PlannerErrorKind.UnknownTier or PlannerErrorKind.TierNotSupported ? "tier" : reading] = e.Message;
            return PageEndpoints.Page(Render(site, settings, null, errors), StatusCodes.Status400BadRequest);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // The page again, with the limit beside the input that went over it (not a bare text/plain 413).
            errors[reading] = Hosting.ErrorResponses.TooLarge(request.HttpContext);
            return PageEndpoints.Page(Render(site, settings, null, errors), StatusCodes.Status413PayloadTooLarge);
        }
    }

    /// <summary>The fields the form has a control for (an error of any other goes to the banner).</summary>
    private static readonly string[] FormFields = ["tier", "costs", "tolerance", "file"];

    private static string Render(Site site, UsageSettings settings, UsageReport? report, IReadOnlyDictionary<string, string> errors, string? sample = null)
    {
        if (report?.SimulationError is { } simulationError && !errors.ContainsKey("tier"))
        {
            errors = new Dictionary<string, string>(errors, StringComparer.Ordinal) { ["tier"] = simulationError };
        }

        var html = new StringBuilder("<div class=\"layout\">");
        html.Append(Form(site, settings, errors));
        html.Append("<div class=\"results\" aria-live=\"polite\">");
        if (errors.Count > 0)
        {
            // The form has no control for a link's sample: its error is shown here, the others beside their inputs.
            var loose = errors.Where(e => !FormFields.Contains(e.Key)).Select(e => $"<p>{E(e.Value)}</p>");
            int beside = errors.Count(e => FormFields.Contains(e.Key));
            string count = beside == 0 ? "" : $"<p>{(beside == 1 ? "One field needs" : $"{beside} fields need")} attention: see the message beside {(beside == 1 ? "it" : "them")}.</p>";
            html.Append($"<div class=\"banner bad\" role=\"status\">{string.Concat(loose)}{count}</div>");
        }

        if (report is not null)
        {
            html.Append(PriceSummary(report.Price));
            if (sample is null)
            {
                html.Append("<p class=\"small muted\">These figures come from your upload and are not kept: an upload cannot be shared as a link. Download what you need below.</p>");
            }
            else
            {
                html.Append($"<div class=\"downloads\"><a class=\"button secondary\" href=\"/usage{E(Query([new("sample", sample), new("tier", settings.Tier), new("tolerance", settings.Reconcile.Tolerance)]))}\">Link to these figures</a></div>");
            }

            if (report.Recommendation is { } recommendation)
            {
                html.Append(RecommendationSection(recommendation));
            }

            if (report.Simulation is { } simulation)
            {
                html.Append(SimulationSection(simulation, report.Throughput!, report.Recommendation?.RecommendedTier == simulation.Tier));
            }

            if (report.Reconciliation is { } reconciliation)
            {
                html.Append(ReconciliationSection(reconciliation));
            }

            html.Append(PriceDetails(report.Price));
        }
        else if (errors.Count == 0)
        {
            html.Append("<div class=\"card empty\">Upload a file to see what it cost, exactly (by model, meter, day and hour), which usage tier carries it, how it queues at a tier of your choice, and, with a Costs export, where the bill and Planner differ.</div>");
        }

        html.Append("</div></div>");
        return Layout.Document("Your usage", "/usage", "What your real traffic cost: every row priced at the prices in effect at its timestamp, to the last digit, and extrapolated to a 30-day month; replayed against a tier's rate limits; checked against what OpenAI billed.", html.ToString(), site);
    }

    /// <summary>The upload form. The fields come first and the usage file last: the file streams through the readers as
    /// it arrives, so the settings and the Costs export must be in hand before it.</summary>
    private static string Form(Site site, UsageSettings settings, IReadOnlyDictionary<string, string> errors)
    {
        var html = new StringBuilder("<form class=\"card calc\" method=\"post\" action=\"/usage\" enctype=\"multipart/form-data\" aria-label=\"Upload\">");
        html.Append("<fieldset><legend>Your usage</legend>");
        html.Append(Field("tier", "Tier to simulate", TierSelect(site, settings.Tier, errors.ContainsKey("tier")), "the recommended tier, or one of the tiers of a scheme; rate limits are the catalog's for each model", errors));
        html.Append(Field("costs", "Costs export (optional)", $"<input type=\"file\" id=\"costs\" name=\"costs\" accept=\".json,.jsonl\"{Invalid("costs", errors)}>",
            "Costs API pages (GET /v1/organization/costs, grouped by line_item) to reconcile with", errors));
        html.Append(Field("tolerance", "Tolerance", $"<input type=\"text\" id=\"tolerance\" name=\"tolerance\" value=\"{E(settings.Reconcile.Tolerance)}\" placeholder=\"0.01\" inputmode=\"decimal\"{Invalid("tolerance", errors)}>",
            "how far a line item or day may differ: USD (0.01) or a share of the bill (0.5%); default 0.01", errors));
        html.Append(Field("file", "Trace or usage export", $"<input type=\"file\" id=\"file\" name=\"file\" required{Invalid("file", errors)}>",
            $"Planner's CSV trace, an OpenAI usage CSV, a response log, Realtime events or Usage API pages; up to {site.Options.MaxUploadMegabytes:N0} MB, read once, as it arrives", errors));
        html.Append("</fieldset><div class=\"actions\"><button type=\"submit\">Price it</button></div>");
        html.Append("<p class=\"small muted\">Or try the bundled sample: <a href=\"/usage?sample=voice-support-day\">a day of a voice-support product</a> (4,000 requests).</p>");
        html.Append("<p class=\"small muted\">An upload is read, answered and forgotten: its figures cannot be shared as a link (the sample's can).</p>");
        html.Append("</form>");
        return html.ToString();
    }

    private static string TierSelect(Site site, string selected, bool invalid)
    {
        var today = DateOnly.FromDateTime(site.Now.UtcDateTime);
        var current = site.Catalog.TierSchedule.At(today);
        var html = new StringBuilder($"<select id=\"tier\" name=\"tier\"{(invalid ? " aria-invalid=\"true\"" : "")} aria-describedby=\"tier-hint{(invalid ? " tier-error" : "")}\">");
        html.Append(Option(UsageSettings.Recommended, "Recommended tier", selected));
        foreach (var scheme in site.Catalog.TierSchedule.Schemes.OrderBy(s => s == current ? 0 : 1))
        {
            string when = scheme == current ? "in effect today" : scheme.EffectiveFrom is { } from && from > today ? $"from {from:yyyy-MM-dd}" : "earlier scheme, for older traces";
            html.Append($"<optgroup label=\"{E(scheme.Names)} ({E(when)})\">");
            foreach (var tier in scheme.Tiers)
            {
                html.Append(Option(tier.Name.Key, tier.Name.DisplayName, selected));
            }

            html.Append("</optgroup>");
        }

        html.Append(Option(UsageSettings.None, "Don't simulate (price only; daily usage exports)", selected));
        html.Append("</select>");
        return html.ToString();
    }

    private static string Option(string value, string label, string selected) =>
        $"<option value=\"{E(value)}\"{(value == selected ? " selected" : "")}>{E(label)}</option>";

    private static string Invalid(string name, IReadOnlyDictionary<string, string> errors) =>
        $" aria-describedby=\"{name}-hint{(errors.ContainsKey(name) ? $" {name}-error" : "")}\"{(errors.ContainsKey(name) ? " aria-invalid=\"true\"" : "")}";

    private static string Field(string name, string label, string input, string hint, IReadOnlyDictionary<string, string> errors) =>
        $"<div class=\"field\"><label for=\"{name}\">{E(label)}</label>{input}<span class=\"hint\" id=\"{name}-hint\">{E(hint)}</span>"
        + (errors.TryGetValue(name, out var error) ? $"<span class=\"error\" id=\"{name}-error\" role=\"alert\">{E(error)}</span>" : "") + "</div>";
}
