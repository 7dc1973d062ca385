namespace Planner.Core;

/// <summary>Why Planner refused an input. Each kind is reported with a message naming the value.</summary>
public enum PlannerErrorKind
{
    InvalidArgument,
    UnknownModel,
    UnknownTier,
    TierNotSupported,
    NegativeCount,
    OutputCapExceeded,
    ContextWindowExceeded,
    BeforeFirstPrice,
    AfterShutdown,
    InvalidCatalog,
    InvalidTrace,

    /// <summary>A usage on a meter the model has no price for.</summary>
    UnpricedMeter,

    /// <summary>A reference catalog (LiteLLM, genai-prices) that cannot be read.</summary>
    InvalidReferenceFile,
}
