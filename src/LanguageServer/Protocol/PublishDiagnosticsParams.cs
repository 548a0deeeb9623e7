namespace BtLang.LanguageServer.Protocol;

/// <summary><c>textDocument/publishDiagnostics</c>.</summary>
public sealed record PublishDiagnosticsParams(string Uri, int? Version, IReadOnlyList<LspDiagnostic> Diagnostics);
