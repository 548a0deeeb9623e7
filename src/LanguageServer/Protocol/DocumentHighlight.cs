namespace BtLang.LanguageServer.Protocol;

/// <summary>One occurrence of the symbol under the cursor.</summary>
public sealed record DocumentHighlight(LspRange Range, DocumentHighlightKind Kind);
