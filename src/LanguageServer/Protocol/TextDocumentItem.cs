namespace BtLang.LanguageServer.Protocol;

/// <summary>An opened document with its whole text.</summary>
public sealed class TextDocumentItem
{
    public string Uri { get; init; } = string.Empty;

    public string LanguageId { get; init; } = string.Empty;

    public int Version { get; init; }

    public string Text { get; init; } = string.Empty;
}
