namespace BtLang.LanguageServer.Protocol;

/// <summary>Parameters that only name a document (symbols, semantic tokens, folding ranges).</summary>
public sealed class TextDocumentParams
{
    public TextDocumentIdentifier TextDocument { get; init; } = new();
}
