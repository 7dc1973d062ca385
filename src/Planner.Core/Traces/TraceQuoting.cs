namespace Planner.Core.Traces;

/// <summary>How a record of a CSV trace is quoted (<see cref="TraceCsvScanner"/>).</summary>
internal enum TraceQuoting
{
    /// <summary>Well formed: no quotes, or RFC 4180 quoting within the line.</summary>
    Valid,

    /// <summary>A quote inside a field that does not start with one (<c>ab"c</c>): text, and the record is read as well
    /// formed. Its later quoting is not checked (the first problem of a record decides, as with CsvHelper before).</summary>
    StrayQuote,

    /// <summary>A quoted field not closed on its line.</summary>
    Unclosed,

    /// <summary>Text after a field's closing quote (<c>"12"3</c>).</summary>
    TextAfterClosingQuote,
}
