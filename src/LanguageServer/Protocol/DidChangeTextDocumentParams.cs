namespace BtLang.LanguageServer.Protocol;

/// <summary><c>textDocument/didChange</c>: changes applied in order.</summary>
public sealed class DidChangeTextDocumentParams
{
    public VersionedTextDocumentIdentifier TextDocument { get; init; } = new();

    public IReadOnlyList<TextDocumentContentChangeEvent> ContentChanges { get; init; } = [];
}
