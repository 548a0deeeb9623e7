namespace BtLang.Semantics.Formatting;

/// <summary>A piece of a parsed printf format: either literal text or one conversion specifier.</summary>
/// <param name="Position">Character offset of the piece in the format text.</param>
/// <param name="Length">Number of characters of the format text the piece covers.</param>
public abstract record PrintfSegment(int Position, int Length);
