namespace BtLang.LanguageServer.Protocol;

/// <summary>An LSP diagnostic (code is the compiler's ID, e.g. <c>BT1001</c>).</summary>
public sealed record LspDiagnostic(
    LspRange Range,
    DiagnosticSeverityKind Severity,
    string Code,
    string Source,
    string Message,
    IReadOnlyList<DiagnosticRelatedInformation>? RelatedInformation);
