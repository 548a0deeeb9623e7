namespace BtLang.LanguageServer.Protocol;

/// <summary>Edits to several documents, keyed by URI.</summary>
public sealed record WorkspaceEdit(IReadOnlyDictionary<string, IReadOnlyList<TextEdit>> Changes);
