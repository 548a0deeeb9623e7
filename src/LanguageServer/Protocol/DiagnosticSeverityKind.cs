namespace BtLang.LanguageServer.Protocol;

/// <summary>LSP diagnostic severity.</summary>
public enum DiagnosticSeverityKind
{
    Error = 1,
    Warning = 2,
    Information = 3,
    Hint = 4,
}
