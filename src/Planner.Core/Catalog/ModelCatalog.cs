namespace Planner.Core.Catalog;

/// <summary>A validated set of models with their prices, caps and tiers. Immutable.</summary>
public sealed class ModelCatalog
{
    private readonly Dictionary<string, ResolvedModel> _byName;

    /// <summary>Creates a catalog. Names (ids, aliases, snapshots) must be unique.</summary>
    public ModelCatalog(IReadOnlyList<ModelSpec> models, AudioTokenRates audioTokenRates, string? version = null, TierSchedule? tierSchedule = null)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(audioTokenRates);
        Models = models;
        AudioTokenRates = audioTokenRates;
        Version = version;
        TierSchedule = tierSchedule ?? new TierSchedule([.. models.SelectMany(m => m.TierLadders).Select(l => l.Scheme)
            .DistinctBy(s => s.Id).OrderBy(s => s.EffectiveFrom ?? DateOnly.MinValue)]);
        _byName = new Dictionary<string, ResolvedModel>(StringComparer.OrdinalIgnoreCase);
        foreach (var model in models)
        {
            Add(model.Id, new ResolvedModel(model, null, model.Id));
            foreach (var alias in model.Aliases)
            {
                Add(alias, new ResolvedModel(model, null, alias));
            }

            foreach (var snapshot in model.Snapshots)
            {
                Add(snapshot.Id, new ResolvedModel(model, snapshot, snapshot.Id));
            }
        }
    }

    /// <summary>The models in catalog order.</summary>
    public IReadOnlyList<ModelSpec> Models { get; }

    /// <summary>The catalog-wide audio-to-token rates.</summary>
    public AudioTokenRates AudioTokenRates { get; }

    /// <summary>The catalog's own version label, if any.</summary>
    public string? Version { get; }

    /// <summary>The tier schemes in date order.</summary>
    public TierSchedule TierSchedule { get; }

    /// <summary>The model's tiers under the scheme in effect on <paramref name="day"/>, or null when the catalog records none.</summary>
    public TierLadder? TiersAt(ModelSpec model, DateOnly day) =>
        TierSchedule.Schemes.Count == 0 ? null : model.LadderFor(TierSchedule.At(day));

    /// <summary>Every name that resolves (ids, aliases, snapshots).</summary>
    public IEnumerable<string> Names => _byName.Keys;

    /// <summary>Resolves an id, alias or snapshot (case-insensitive), or returns false.</summary>
    public bool TryResolve(string name, out ResolvedModel resolved) =>
        _byName.TryGetValue(name.Trim(), out resolved!);

    /// <summary>Resolves an id, alias or snapshot, or throws a <see cref="PlannerException"/> naming the known models.</summary>
    public ResolvedModel Resolve(string name)
    {
        if (TryResolve(name, out var resolved))
        {
            return resolved;
        }

        throw new PlannerException(PlannerErrorKind.UnknownModel,
            $"unknown model '{name}'; known models: {string.Join(", ", Models.Select(m => m.Id))}");
    }

    /// <summary>The audio-to-token rates that apply to a model.</summary>
    public AudioTokenRates RatesFor(ModelSpec model) => model.AudioTokenRates ?? AudioTokenRates;

    private void Add(string name, ResolvedModel resolved)
    {
        if (!_byName.TryAdd(name, resolved))
        {
            throw new ArgumentException($"the name '{name}' is used by more than one model or snapshot", nameof(name));
        }
    }
}
