namespace Planner.Contract.Queries;

/// <summary>The inputs of <c>call</c>: one voice call on one model (the call fields of <see cref="RequestOrCallQuery"/>,
/// with the audio-rate overrides and the date; no request shape).</summary>
public sealed record CallQuery : RequestOrCallQuery
{
    /// <summary>Model id, alias or snapshot, e.g. gpt-realtime-2.1-mini. Required.</summary>
    public string Model { get; init; } = "";

    /// <summary>Every problem at once: the model, the call fields, the rates and the date; a request shape is refused.</summary>
    public override IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(Model))
        {
            errors.Add(new("model", "model is required, e.g. gpt-realtime-2.1-mini"));
        }

        errors.AddRange(CallErrors(lengthRequired: true));
        errors.AddRange(ShapeErrors());
        if (HasRequestShape || CachedAudioIn != 0 || ImageIn != 0 || CachedImageIn != 0)
        {
            errors.Add(new("text_in", "a call takes a call shape (turns, user_audio_seconds, ...), not a request shape (text_in, audio_in_seconds, ...)"));
        }

        return errors;
    }
}
