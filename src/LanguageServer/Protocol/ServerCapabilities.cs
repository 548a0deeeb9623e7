namespace BtLang.LanguageServer.Protocol;

/// <summary>What the server offers (LSP 3.17).</summary>
public sealed record ServerCapabilities
{
    public string PositionEncoding { get; init; } = "utf-16";

    public required TextDocumentSyncOptions TextDocumentSync { get; init; }

    public required CompletionOptions CompletionProvider { get; init; }

    public bool HoverProvider { get; init; }

    public required SignatureHelpOptions SignatureHelpProvider { get; init; }

    public bool DefinitionProvider { get; init; }

    public bool ReferencesProvider { get; init; }

    public bool DocumentHighlightProvider { get; init; }

    public bool DocumentSymbolProvider { get; init; }

    public required RenameOptions RenameProvider { get; init; }

    public required SemanticTokensOptions SemanticTokensProvider { get; init; }

    public bool DocumentFormattingProvider { get; init; }

    public bool FoldingRangeProvider { get; init; }

    public required CodeActionOptions CodeActionProvider { get; init; }
}
