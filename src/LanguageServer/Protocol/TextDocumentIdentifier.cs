namespace BtLang.LanguageServer.Protocol;

/// <summary>Names a document.</summary>
public sealed class TextDocumentIdentifier
{
    public string Uri { get; init; } = string.Empty;
}
