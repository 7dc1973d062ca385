namespace Planner.Contract.Results;

/// <summary>The most audio one request can carry on a model (in a <see cref="CapacityResult"/>).</summary>
public sealed record CapacityAudioLimits
{
    /// <summary>Seconds of output audio the output cap allows.</summary>
    public required decimal MaxOutputAudioSeconds { get; init; }

    /// <summary>Seconds of input audio beside this request's other tokens.</summary>
    public required decimal MaxInputAudioSeconds { get; init; }

    /// <summary>Seconds of input audio in a request of nothing else.</summary>
    public required decimal MaxInputAudioSecondsAlone { get; init; }
}
