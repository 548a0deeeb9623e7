using BtLang.LanguageServer.Protocol;

namespace BtLang.LanguageServer.Server;

/// <summary>The capabilities the server announces.</summary>
internal static class Capabilities
{
    public static ServerCapabilities Create() => new()
    {
        TextDocumentSync = new TextDocumentSyncOptions(OpenClose: true, Change: TextDocumentSyncKind.Incremental),
        CompletionProvider = new CompletionOptions([".", "@", "$", ":"], ResolveProvider: false),
        HoverProvider = true,
        SignatureHelpProvider = new SignatureHelpOptions(["(", ","], [","]),
        DefinitionProvider = true,
        ReferencesProvider = true,
        DocumentHighlightProvider = true,
        DocumentSymbolProvider = true,
        RenameProvider = new RenameOptions(PrepareProvider: true),
        SemanticTokensProvider = new SemanticTokensOptions(new SemanticTokensLegend(SemanticTokenTypes.Names, []), Full: true, Range: false),
        DocumentFormattingProvider = true,
        FoldingRangeProvider = true,
        CodeActionProvider = new CodeActionOptions(["quickfix"]),
    };
}
