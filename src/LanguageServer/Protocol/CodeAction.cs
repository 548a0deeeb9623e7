namespace BtLang.LanguageServer.Protocol;

/// <summary>A quick fix.</summary>
public sealed record CodeAction(string Title, string Kind, IReadOnlyList<LspDiagnostic>? Diagnostics, WorkspaceEdit Edit, bool IsPreferred);
