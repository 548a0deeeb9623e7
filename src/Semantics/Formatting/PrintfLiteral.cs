namespace BtLang.Semantics.Formatting;

/// <summary>Literal text of a format, copied to the output as is (<c>%%</c> already turned into <c>%</c>).</summary>
public sealed record PrintfLiteral(string Text, int Position, int Length) : PrintfSegment(Position, Length);
