namespace BtLang.LanguageServer.Protocol;

/// <summary><c>textDocument/references</c> parameters.</summary>
public sealed class ReferenceParams : TextDocumentPositionParams
{
    public ReferenceContext Context { get; init; } = new();
}
