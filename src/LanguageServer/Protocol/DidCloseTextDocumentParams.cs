namespace BtLang.LanguageServer.Protocol;

/// <summary><c>textDocument/didClose</c>.</summary>
public sealed class DidCloseTextDocumentParams
{
    public TextDocumentIdentifier TextDocument { get; init; } = new();
}
