using BtLang.LanguageServer.Handlers;
using BtLang.LanguageServer.Protocol;
using StreamJsonRpc;

namespace BtLang.LanguageServer.Server;

/// <summary>The read requests: each runs a handler on the document's current snapshot.</summary>
internal sealed partial class LspTarget
{
    [JsonRpcMethod("textDocument/completion")]
    public Task<CompletionList?> CompletionAsync(CompletionParams p, CancellationToken ct)
        => ReadAsync<CompletionList?>("completion", p?.TextDocument, null, (d, c) => CompletionHandler.Handle(d, p!.Position, _features, c), ct);

    [JsonRpcMethod("textDocument/hover")]
    public Task<Hover?> HoverAsync(TextDocumentPositionParams p, CancellationToken ct)
        => ReadAsync<Hover?>("hover", p?.TextDocument, null, (d, c) => HoverHandler.Handle(d, p!.Position, _features, c), ct);

    [JsonRpcMethod("textDocument/signatureHelp")]
    public Task<SignatureHelp?> SignatureHelpAsync(TextDocumentPositionParams p, CancellationToken ct)
        => ReadAsync<SignatureHelp?>("signatureHelp", p?.TextDocument, null, (d, c) => SignatureHelpHandler.Handle(d, p!.Position, c), ct);

    [JsonRpcMethod("textDocument/definition")]
    public Task<LspLocation[]?> DefinitionAsync(TextDocumentPositionParams p, CancellationToken ct)
        => ReadAsync<LspLocation[]?>("definition", p?.TextDocument, null, (d, c) => SymbolHandler.Definition(d, p!.Position, c), ct);

    [JsonRpcMethod("textDocument/references")]
    public Task<LspLocation[]?> ReferencesAsync(ReferenceParams p, CancellationToken ct)
        => ReadAsync<LspLocation[]?>("references", p?.TextDocument, null, (d, c) => SymbolHandler.References(d, p!.Position, p.Context?.IncludeDeclaration ?? true, c), ct);

    [JsonRpcMethod("textDocument/documentHighlight")]
    public Task<DocumentHighlight[]?> DocumentHighlightAsync(TextDocumentPositionParams p, CancellationToken ct)
        => ReadAsync<DocumentHighlight[]?>("documentHighlight", p?.TextDocument, null, (d, c) => SymbolHandler.Highlights(d, p!.Position, c), ct);

    [JsonRpcMethod("textDocument/prepareRename")]
    public Task<PrepareRenameResult?> PrepareRenameAsync(TextDocumentPositionParams p, CancellationToken ct)
        => ReadAsync<PrepareRenameResult?>("prepareRename", p?.TextDocument, null, (d, c) => RenameHandler.Prepare(d, p!.Position, c), ct);

    [JsonRpcMethod("textDocument/rename")]
    public Task<WorkspaceEdit?> RenameAsync(RenameParams p, CancellationToken ct)
        => ReadAsync<WorkspaceEdit?>("rename", p?.TextDocument, null, (d, c) => RenameHandler.Rename(d, p!.Position, p.NewName ?? string.Empty, c), ct);

    [JsonRpcMethod("textDocument/documentSymbol")]
    public Task<DocumentSymbol[]?> DocumentSymbolAsync(TextDocumentParams p, CancellationToken ct)
        => ReadAsync<DocumentSymbol[]?>("documentSymbol", p?.TextDocument, null, DocumentSymbolHandler.Handle, ct);

    [JsonRpcMethod("textDocument/semanticTokens/full")]
    public Task<SemanticTokens?> SemanticTokensAsync(TextDocumentParams p, CancellationToken ct)
        => ReadAsync<SemanticTokens?>("semanticTokens", p?.TextDocument, null, SemanticTokensHandler.Handle, ct);

    [JsonRpcMethod("textDocument/formatting")]
    public Task<TextEdit[]?> FormattingAsync(DocumentFormattingParams p, CancellationToken ct)
        => ReadAsync<TextEdit[]?>("formatting", p?.TextDocument, null, (d, c) => FormattingHandler.Handle(d, p!.Options ?? new FormattingOptions(), c), ct);

    [JsonRpcMethod("textDocument/foldingRange")]
    public Task<FoldingRange[]?> FoldingRangeAsync(TextDocumentParams p, CancellationToken ct)
        => ReadAsync<FoldingRange[]?>("foldingRange", p?.TextDocument, null, FoldingRangeHandler.Handle, ct);

    [JsonRpcMethod("textDocument/codeAction")]
    public Task<CodeAction[]?> CodeActionAsync(CodeActionParams p, CancellationToken ct)
        => ReadAsync<CodeAction[]?>("codeAction", p?.TextDocument, null, (d, c) => CodeActionHandler.Handle(d, p!.Range, c), ct);
}
