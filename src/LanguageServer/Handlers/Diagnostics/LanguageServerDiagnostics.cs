using BtLang.Diagnostics;

namespace BtLang.LanguageServer.Handlers.Diagnostics;

/// <summary>The diagnostics only the language server reports (BT4xxx).</summary>
public static class LanguageServerDiagnostics
{
    /// <summary>
    /// The summary on an <c>import</c> statement of the problems in the files it brings in (their own diagnostics are
    /// published to their URIs). Its severity is that of the worst problem (error or warning).
    /// </summary>
    public static readonly DiagnosticDescriptor ImportedFileHasProblems =
        new("BT4001", DiagnosticSeverity.Error, "Imported file has errors or warnings", "{0}");
}
