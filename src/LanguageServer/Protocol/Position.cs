namespace BtLang.LanguageServer.Protocol;

/// <summary>A zero-based line and UTF-16 column in a document.</summary>
public sealed record Position(int Line, int Character);
