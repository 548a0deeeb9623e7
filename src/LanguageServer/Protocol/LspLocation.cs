namespace BtLang.LanguageServer.Protocol;

/// <summary>A range in a document named by URI (LSP <c>Location</c>).</summary>
public sealed record LspLocation(string Uri, LspRange Range);
