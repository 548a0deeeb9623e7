using System.Text;
using BtLang.Diagnostics;
using BtLang.LanguageServer.Protocol;
using BtLang.LanguageServer.Workspace;

namespace BtLang.LanguageServer.Handlers.Diagnostics;

/// <summary>
/// Turns the compiler's diagnostics into LSP diagnostics: code = the diagnostic ID, UTF-16 ranges from the
/// document's line map, hints appended to the message, related locations as related information.
/// </summary>
internal static class DiagnosticConverter
{
    public const string Source = "btlang";

    public static IReadOnlyList<LspDiagnostic> Convert(Document document, CancellationToken cancellationToken)
    {
        var diagnostics = document.Analysis.Diagnostics;
        cancellationToken.ThrowIfCancellationRequested();
        var result = new List<LspDiagnostic>(diagnostics.Length);
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Severity == DiagnosticSeverity.Hidden)
                continue;
            result.Add(Convert(document, diagnostic));
        }
        return result;
    }

    public static LspDiagnostic Convert(Document document, Diagnostic diagnostic)
    {
        var lines = document.Lines;
        var range = diagnostic.Location.IsInSource ? lines.GetRange(diagnostic.Location.Span) : new LspRange(new Position(0, 0), new Position(0, 0));
        var message = new StringBuilder(diagnostic.Message);
        foreach (var hint in diagnostic.Hints)
            message.Append('\n').Append(hint);
        List<DiagnosticRelatedInformation>? related = null;
        foreach (var location in diagnostic.RelatedLocations)
        {
            if (!location.IsInSource)
                continue;
            related ??= [];
            // Related locations in this text map through its line map; any other file through its own text.
            var relatedRange = ReferenceEquals(location.Text, document.Text) || location.Text is null
                ? lines.GetRange(location.Span)
                : LineMap.Create(location.Text).GetRange(location.Span);
            string uri = ReferenceEquals(location.Text, document.Text) ? document.Uri : ToUri(location.Path, document.Uri);
            related.Add(new DiagnosticRelatedInformation(new LspLocation(uri, relatedRange), "related location"));
        }
        return new LspDiagnostic(range, Severity(diagnostic.Severity), diagnostic.Id, Source, message.ToString(), related);
    }

    private static DiagnosticSeverityKind Severity(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => DiagnosticSeverityKind.Error,
        DiagnosticSeverity.Warning => DiagnosticSeverityKind.Warning,
        DiagnosticSeverity.Info => DiagnosticSeverityKind.Information,
        _ => DiagnosticSeverityKind.Hint,
    };

    private static string ToUri(string path, string fallback)
        => Path.IsPathRooted(path) ? new Uri(path).AbsoluteUri : fallback;
}
