namespace BtLang.LanguageServer.Protocol;

/// <summary><c>textDocument/rename</c> parameters.</summary>
public sealed class RenameParams : TextDocumentPositionParams
{
    public string NewName { get; init; } = string.Empty;
}
