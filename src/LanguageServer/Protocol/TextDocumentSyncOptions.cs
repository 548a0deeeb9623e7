namespace BtLang.LanguageServer.Protocol;

/// <summary>Text synchronisation the server wants.</summary>
public sealed record TextDocumentSyncOptions(bool OpenClose, TextDocumentSyncKind Change);
