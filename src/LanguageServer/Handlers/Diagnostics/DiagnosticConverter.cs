using BtLang.LanguageServer.Protocol;
using BtLang.LanguageServer.Workspace;

namespace BtLang.LanguageServer.Handlers.Diagnostics;

/// <summary>Placeholder until the front end lands.</summary>
internal static class DiagnosticConverter
{
    public static IReadOnlyList<LspDiagnostic> Convert(Document document, CancellationToken cancellationToken) => [];
}
