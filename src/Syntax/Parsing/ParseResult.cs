using BtLang.Syntax.InternalSyntax;

namespace BtLang.Syntax.Parsing;

/// <summary>The green root and the diagnostics of one parse.</summary>
internal sealed record ParseResult(GreenNode Root, IReadOnlyList<PendingDiagnostic> Diagnostics);
