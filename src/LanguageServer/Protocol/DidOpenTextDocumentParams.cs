namespace BtLang.LanguageServer.Protocol;

/// <summary><c>textDocument/didOpen</c>.</summary>
public sealed class DidOpenTextDocumentParams
{
    public TextDocumentItem TextDocument { get; init; } = new();
}
