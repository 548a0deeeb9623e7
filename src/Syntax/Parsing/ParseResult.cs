using BtLang.Syntax.InternalSyntax;

namespace BtLang.Syntax.Parsing;

/// <summary>
/// The green root and the diagnostics of one parse. <paramref name="IsSelfContained"/>: the lexer ended in its
/// initial state with every bracket closed, and the parser never looked past the last token of the last member
/// while parsing the members, so the same text followed by more members would parse into the same members.
/// </summary>
internal sealed record ParseResult(GreenNode Root, IReadOnlyList<PendingDiagnostic> Diagnostics, bool IsSelfContained = false);
