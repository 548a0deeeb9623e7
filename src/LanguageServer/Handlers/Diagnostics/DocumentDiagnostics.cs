using BtLang.LanguageServer.Protocol;

namespace BtLang.LanguageServer.Handlers.Diagnostics;

/// <summary>
/// What one analysis of a document publishes: the document's own diagnostics (with one summary per <c>import</c>
/// statement whose files have problems) and the diagnostics located in each imported file, by that file's URI.
/// </summary>
internal sealed record DocumentDiagnostics(
    IReadOnlyList<LspDiagnostic> Document,
    IReadOnlyDictionary<string, IReadOnlyList<LspDiagnostic>> ImportedFiles);
