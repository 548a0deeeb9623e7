namespace BtLang.LanguageServer.Protocol;

/// <summary><c>textDocument/formatting</c> parameters.</summary>
public sealed class DocumentFormattingParams
{
    public TextDocumentIdentifier TextDocument { get; init; } = new();

    public FormattingOptions Options { get; init; } = new();
}
