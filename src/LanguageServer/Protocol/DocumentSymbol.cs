namespace BtLang.LanguageServer.Protocol;

/// <summary>A symbol of the document outline.</summary>
public sealed record DocumentSymbol(
    string Name,
    string? Detail,
    SymbolKind Kind,
    LspRange Range,
    LspRange SelectionRange,
    IReadOnlyList<DocumentSymbol>? Children);
