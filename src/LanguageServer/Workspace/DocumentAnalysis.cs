using System.Collections.Immutable;
using BtLang.Diagnostics;
using BtLang.Syntax;

namespace BtLang.LanguageServer.Workspace;

/// <summary>
/// The compiler's view of one document version: its syntax tree (an incremental reparse of the previous version's
/// tree when there was one) and, built lazily on first use, its compilation and diagnostics. Shared by every
/// feature that reads this version.
/// </summary>
public sealed class DocumentAnalysis
{
    private readonly Lazy<ImmutableArray<Diagnostic>> _diagnostics;

    private DocumentAnalysis(SyntaxTree tree)
    {
        Tree = tree;
        _diagnostics = new Lazy<ImmutableArray<Diagnostic>>(ComputeDiagnostics, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The syntax tree.</summary>
    public SyntaxTree Tree { get; }

    /// <summary>The root node.</summary>
    public CompilationUnitSyntax Root => Tree.GetRoot();

    /// <summary>Every diagnostic the compiler front end reports for this text (syntax, then semantic).</summary>
    public ImmutableArray<Diagnostic> Diagnostics => _diagnostics.Value;

    /// <summary>Parses a document version (reparsing from the previous version's tree when given).</summary>
    public static DocumentAnalysis Create(Document document, DocumentAnalysis? previous)
    {
        var tree = previous is not null
            ? previous.Tree.WithChangedText(document.Text)
            : SyntaxTree.ParseText(document.Text, PathOf(document.Uri));
        return new DocumentAnalysis(tree);
    }

    /// <summary>The file path of a <c>file:</c> URI (else the URI itself), used as the path in diagnostics.</summary>
    public static string PathOf(string uri)
    {
        if (System.Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.IsFile)
            return parsed.LocalPath;
        return uri;
    }

    /// <summary>Each map once: its name, the span of its first mention and a description (its type when known).</summary>
    public IEnumerable<(string Name, Microsoft.CodeAnalysis.Text.TextSpan Span, string? Detail)> MapsForOutline(CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in Root.DescendantTokens())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (token.Kind == SyntaxKind.MapToken && !token.IsMissing && seen.Add(token.Text))
                yield return (token.Text, token.Span, "map");
        }
    }

    private ImmutableArray<Diagnostic> ComputeDiagnostics() => Tree.GetDiagnostics();
}
