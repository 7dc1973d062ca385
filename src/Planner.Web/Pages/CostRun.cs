using Planner.Contract;
using Planner.Contract.Queries;
using Planner.Contract.Services;
using Planner.Core;
using Planner.Core.Catalog;
using Planner.Web.Api;
using Planner.Web.Forms;
using Microsoft.AspNetCore.Http;

namespace Planner.Web.Pages;

/// <summary>The Cost page's query and its results: the contract's <see cref="CostQuery"/> bound from the query string
/// (<c>requests</c> is a day's requests), run through <see cref="CostService"/> on the model and on each compared one.</summary>
public static class CostRun
{
    /// <summary>A month is 30 days, as everywhere in Planner.</summary>
    public const int DaysPerMonth = 30;

    /// <summary>The query of a first visit: two minutes of audio in and one out on gpt-audio-mini, 1,000 a day.</summary>
    public static CostQuery Example { get; } = new() { Model = "gpt-audio-mini", AudioInSeconds = 120, AudioOutSeconds = 60, Requests = 1_000 };

    /// <summary>The query the page shows (the example on a first visit) with every problem on <paramref name="form"/>.</summary>
    public static CostQuery Read(IQueryCollection query, FormValues form)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(form);
        if (!form.Submitted)
        {
            return Example;
        }

        var (bound, errors) = QueryBinder.FromQuery<CostQuery>(query);
        form.AddErrors(QueryBinder.WithValidation(errors, bound.Validate));
        // A shared link with a typo (requets=10) must not show the default figures as if they were asked for.
        form.AddErrors(QueryBinder.Unknown(query.Keys, [.. CostPage.FieldNames, .. QueryBinder.Fields<CostQuery>().Select(f => f.Name).Except(CostPage.FieldNames)]));

        if (form.ErrorFor("requests") is null && bound.Requests > RequestShapeQuery.MaxRequests / DaysPerMonth)
        {
            form.Error("requests", $"requests must be at most {RequestShapeQuery.MaxRequests / DaysPerMonth:N0} a day (a 30-day month of them is at most 10^12)");
        }

        return bound;
    }

    /// <summary>Runs the query on its model and each compared one (a model named twice is priced once).</summary>
    /// <exception cref="PlannerException">An unknown model, a request over a cap, or a model without prices at that date.</exception>
    public static IReadOnlyList<CostLine> Run(CostQuery query, IReadOnlyList<string> compare, ModelCatalog catalog, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(compare);
        ArgumentNullException.ThrowIfNull(catalog);
        var lines = new List<CostLine>();
        foreach (string name in new[] { query.Model }.Concat(compare))
        {
            var model = catalog.Resolve(name);
            if (lines.Any(l => l.Model.BillingId == model.BillingId))
            {
                continue;
            }

            var on = query with { Model = name };
            try
            {
                lines.Add(new CostLine(CostService.Run(on, catalog, now), CostService.Run(on with { Requests = checked(on.Requests * DaysPerMonth) }, catalog, now), model));
            }
            catch (PlannerException e) when (lines.Count > 0 && e.Field is null or "model")
            {
                // A compared model Core refuses (shut down, no audio) belongs beside the compare field, not the model's.
                throw new PlannerException(e.Kind, "compare", e.Message);
            }
        }

        return lines;
    }

    /// <summary>The compared models (the page's <c>compare</c> field), each checked against the catalog.</summary>
    public static IReadOnlyList<string> Compare(FormValues form, ModelCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(catalog);
        var names = form.List("compare");
        foreach (string name in names.Where(n => !catalog.TryResolve(n, out _)))
        {
            form.Error("compare", $"compare: unknown model '{name}'");
        }

        return names;
    }

    /// <summary>The model field checked against the catalog (an unknown model is a field error beside it, not a banner).</summary>
    public static void CheckModel(FormValues form, CostQuery query, ModelCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(catalog);
        if (!string.IsNullOrWhiteSpace(query.Model) && !catalog.TryResolve(query.Model, out _))
        {
            form.Error("model", $"model: unknown model '{query.Model}'");
        }
    }
}
