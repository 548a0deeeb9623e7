namespace BtLang.Semantics.Formatting;

/// <summary>A problem in a printf format string: where it is (character offset and length in the format text) and why.</summary>
public sealed record PrintfFormatError(int Position, int Length, string Message);
