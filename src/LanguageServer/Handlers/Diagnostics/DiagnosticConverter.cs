using System.Globalization;
using System.Text;
using BtLang.Diagnostics;
using BtLang.LanguageServer.Protocol;
using BtLang.LanguageServer.Workspace;
using BtLang.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace BtLang.LanguageServer.Handlers.Diagnostics;

/// <summary>
/// Turns the compiler's diagnostics into LSP diagnostics: code = the diagnostic ID, UTF-16 ranges from the
/// document's line map, hints appended to the message, related locations as related information. Diagnostics located
/// in imported files go to those files' URIs, and the import statement that brings a file with errors or warnings in
/// gets one summary (BT4001) naming the file, the counts and the first problem.
/// </summary>
internal static class DiagnosticConverter
{
    public const string Source = "btlang";

    public static DocumentDiagnostics Convert(Document document, CancellationToken cancellationToken)
    {
        var analysis = document.Analysis;
        var diagnostics = analysis.Diagnostics;
        cancellationToken.ThrowIfCancellationRequested();
        var result = new List<LspDiagnostic>(diagnostics.Length);
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Severity == DiagnosticSeverity.Hidden)
                continue;
            result.Add(Convert(document, diagnostic));
        }

        var imported = analysis.ImportedDiagnostics.Where(d => d.Severity != DiagnosticSeverity.Hidden).ToList();
        var files = new Dictionary<string, IReadOnlyList<LspDiagnostic>>(StringComparer.Ordinal);
        if (imported.Count == 0)
            return new DocumentDiagnostics(result, files);
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var file in imported.GroupBy(d => d.Location.Path, StringComparer.Ordinal))
        {
            if (!Path.IsPathRooted(file.Key))
                continue; // no file URI to publish to (the summary on the import still shows)
            var text = file.First().Location.Text!;
            var lines = LineMap.Create(text);
            string uri = ToUri(file.Key, document.Uri);
            files[uri] = file.Select(d => Convert(lines, text, uri, d, document)).ToList();
        }

        var firstImport = analysis.Root.Members.OfType<ImportSyntax>().FirstOrDefault();
        var byImport = imported
            .Where(d => d.Severity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning)
            .GroupBy(d => analysis.Compilation.GetImportOf(d.Location.Path) ?? firstImport)
            .Where(g => g.Key is not null);
        foreach (var group in byImport)
            result.Add(Convert(document, Summary(document, group.Key!, group.ToList())));
        return new DocumentDiagnostics(result, files);
    }

    public static LspDiagnostic Convert(Document document, Diagnostic diagnostic)
        => Convert(document.Lines, document.Text, document.Uri, diagnostic, document);

    /// <summary>
    /// The summary on an import statement: e.g. <c>imported file lib/x.bt has 2 errors; the first, at line 3:
    /// Unknown function: 'prinft'</c>, errors counted before warnings, with the first problem as related information.
    /// </summary>
    private static Diagnostic Summary(Document document, ImportSyntax import, List<Diagnostic> problems)
    {
        int errors = problems.Count(d => d.Severity == DiagnosticSeverity.Error);
        int warnings = problems.Count - errors;
        var first = problems.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error) ?? problems[0];
        string directory = Path.GetDirectoryName(DocumentAnalysis.PathOf(document.Uri)) ?? string.Empty;
        string Name(string path) => directory.Length == 0 ? path : Path.GetRelativePath(directory, path);
        var names = problems.Select(d => Name(d.Location.Path)).Distinct(StringComparer.Ordinal).ToList();
        var counts = new List<string>();
        if (errors > 0)
            counts.Add(Count(errors, "error"));
        if (warnings > 0)
            counts.Add(Count(warnings, "warning"));
        string what = names.Count == 1 ? $"imported file {names[0]} has" : $"imported files {string.Join(", ", names)} have";
        string where = names.Count == 1 ? string.Empty : $" in {Name(first.Location.Path)}";
        int line = first.Location.GetLineSpan().Start.Line + 1;
        string message = string.Create(CultureInfo.InvariantCulture, $"{what} {string.Join(" and ", counts)}; the first{where}, at line {line}: {first.Message}");
        return Diagnostic.Create(LanguageServerDiagnostics.ImportedFileHasProblems, import.GetLocation(), message)
            .WithSeverity(errors > 0 ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning)
            .WithRelatedLocation(first.Location);
    }

    private static string Count(int count, string noun) => string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? string.Empty : "s")}");

    private static LspDiagnostic Convert(LineMap lines, SourceText text, string uri, Diagnostic diagnostic, Document document)
    {
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
            bool here = ReferenceEquals(location.Text, text);
            var relatedRange = here || location.Text is null ? lines.GetRange(location.Span) : LineMap.Create(location.Text).GetRange(location.Span);
            string relatedUri = here ? uri : ReferenceEquals(location.Text, document.Text) ? document.Uri : ToUri(location.Path, uri);
            related.Add(new DiagnosticRelatedInformation(new LspLocation(relatedUri, relatedRange), "related location"));
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

    /// <summary>The <c>file:</c> URI of a path (absolute paths only; else <paramref name="fallback"/>).</summary>
    public static string ToUri(string path, string fallback)
        => Path.IsPathRooted(path) ? new Uri(Path.GetFullPath(path)).AbsoluteUri : fallback;
}
