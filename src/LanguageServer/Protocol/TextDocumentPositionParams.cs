namespace BtLang.LanguageServer.Protocol;

/// <summary>A document and a position in it (hover, definition, highlights, signature help, prepare rename).</summary>
public class TextDocumentPositionParams
{
    public TextDocumentIdentifier TextDocument { get; init; } = new();

    public Position Position { get; init; } = new(0, 0);
}
