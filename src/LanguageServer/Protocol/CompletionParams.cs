namespace BtLang.LanguageServer.Protocol;

/// <summary><c>textDocument/completion</c> parameters (the context is not needed).</summary>
public sealed class CompletionParams : TextDocumentPositionParams
{
}
