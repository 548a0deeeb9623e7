namespace BtLang.LanguageServer.Protocol;

/// <summary>Hover result.</summary>
public sealed record Hover(MarkupContent Contents, LspRange? Range);
