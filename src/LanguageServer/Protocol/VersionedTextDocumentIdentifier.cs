namespace BtLang.LanguageServer.Protocol;

/// <summary>Names a document at a version.</summary>
public sealed class VersionedTextDocumentIdentifier
{
    public string Uri { get; init; } = string.Empty;

    public int Version { get; init; }
}
