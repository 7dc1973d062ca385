namespace Planner.Contract.Queries;

/// <summary>A command's inputs as data: every query checks itself and reports every problem at once, each naming its
/// field by the snake_case name the CLI maps to a flag and the web to a form field.</summary>
public interface IQuery
{
    /// <summary>Every problem with the fields, in field order; empty when the query can run.</summary>
    IReadOnlyList<FieldError> Validate();
}
