using System.Collections.Immutable;
using BtLang.Diagnostics;
using BtLang.Semantics;
using BtLang.Semantics.Symbols;
using BtLang.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace BtLang.LanguageServer.Workspace;

/// <summary>
/// The compiler's view of one document version: its syntax tree (an incremental reparse of the previous version's
/// tree when there was one) and, built lazily on first use, its compilation and diagnostics. Shared by every
/// feature that reads this version.
/// </summary>
public sealed class DocumentAnalysis
{
    private readonly Lazy<Compilation> _compilation;
    private readonly Lazy<SemanticModel?> _model;
    private readonly Lazy<(ImmutableArray<Diagnostic> Own, ImmutableArray<Diagnostic> Imported)> _diagnostics;

    private DocumentAnalysis(SyntaxTree tree, CompilationOptions options)
    {
        Tree = tree;
        _compilation = new Lazy<Compilation>(() => Compilation.Create(tree, options), LazyThreadSafetyMode.ExecutionAndPublication);
        _model = new Lazy<SemanticModel?>(CreateModel, LazyThreadSafetyMode.ExecutionAndPublication);
        _diagnostics = new Lazy<(ImmutableArray<Diagnostic>, ImmutableArray<Diagnostic>)>(ComputeDiagnostics, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The syntax tree.</summary>
    public SyntaxTree Tree { get; }

    /// <summary>The root node.</summary>
    public CompilationUnitSyntax Root => Tree.GetRoot();

    /// <summary>The compilation of this version (bound on first use).</summary>
    public Compilation Compilation => _compilation.Value;

    /// <summary>The semantic model, or null if binding failed (the syntax-only answers still work then).</summary>
    public SemanticModel? Model => _model.Value;

    /// <summary>Every diagnostic the compiler front end reports for this text (syntax, then semantic).</summary>
    public ImmutableArray<Diagnostic> Diagnostics => _diagnostics.Value.Own;

    /// <summary>The diagnostics the compilation reports inside the files this document imports (from disk).</summary>
    public ImmutableArray<Diagnostic> ImportedDiagnostics => _diagnostics.Value.Imported;

    /// <summary>Parses a document version (reparsing from the previous version's tree when given).</summary>
    public static DocumentAnalysis Create(Document document, DocumentAnalysis? previous, CompilationOptions options)
    {
        var tree = previous is not null
            ? previous.Tree.WithChangedText(document.Text)
            : SyntaxTree.ParseText(document.Text, PathOf(document.Uri));
        return new DocumentAnalysis(tree, options);
    }

    /// <summary>A factory for documents compiled with <paramref name="options"/>.</summary>
    public static DocumentAnalysisFactory Factory(CompilationOptions options) => (document, previous) => Create(document, previous, options);

    /// <summary>The file path of a <c>file:</c> URI (else the URI itself), used as the path in diagnostics.</summary>
    public static string PathOf(string uri)
    {
        if (System.Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.IsFile)
            return parsed.LocalPath;
        return uri;
    }

    /// <summary>Each map once: its name, the span of its first mention and a description (its type when known).</summary>
    public IEnumerable<(string Name, TextSpan Span, string? Detail)> MapsForOutline(CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in Root.DescendantTokens())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (token.Kind == SyntaxKind.MapToken && !token.IsMissing && seen.Add(token.Text))
                yield return (token.Text, token.Span, MapDisplay(token.Text));
        }
    }

    /// <summary>Maps (global) and the scratch variables of the enclosing probe or macro mentioned before <paramref name="position"/>.</summary>
    public IReadOnlyList<ScopeSymbol> SymbolsInScope(int position, CancellationToken cancellationToken)
    {
        var atCursor = Handlers.SyntaxQueries.TokenAt(Root, position);
        var result = new List<ScopeSymbol>();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var token in Root.DescendantTokens())
        {
            if (token.Kind == SyntaxKind.MapToken && !token.IsMissing && token.Text.Length > 1)
                counts[token.Text] = counts.GetValueOrDefault(token.Text) + (token == atCursor ? 0 : 1);
        }
        foreach (var (name, count) in counts)
            result.Add(new ScopeSymbol(name, MapDisplay(name) ?? name, IsMap: true, OnlyAtCursor: count == 0));
        cancellationToken.ThrowIfCancellationRequested();
        var scope = ScopeOf(position);
        if (scope is not null)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var token in scope.DescendantTokens())
            {
                if (token.Kind == SyntaxKind.VariableToken && !token.IsMissing && token != atCursor && token.Span.End <= position && seen.Add(token.Text))
                    result.Add(new ScopeSymbol(token.Text, VariableDisplay(token) ?? token.Text, IsMap: false, OnlyAtCursor: false));
            }
        }
        return result;
    }

    /// <summary>The map or variable a token names, with its mentions; null for anything else.</summary>
    public SymbolOccurrences? GetOccurrences(SyntaxToken token, CancellationToken cancellationToken)
    {
        if (token.IsMissing)
            return null;
        if (token.Kind == SyntaxKind.MapToken)
        {
            var mentions = Root.DescendantTokens().Where(t => t.Kind == SyntaxKind.MapToken && t.Text == token.Text && !t.IsMissing).ToList();
            cancellationToken.ThrowIfCancellationRequested();
            var writes = mentions.Where(IsWrite).Select(t => t.Span).ToImmutableArray();
            var definitions = writes.IsEmpty ? [mentions[0].Span] : ImmutableArray.Create(writes[0]);
            return new SymbolOccurrences(token.Text, true, MapDisplay(token.Text) ?? token.Text, definitions, mentions.Select(t => t.Span).ToImmutableArray(), writes);
        }
        if (token.Kind == SyntaxKind.VariableToken && VariableOf(token) is { } variable && Model is { } model)
        {
            var mentions = model.GetReferences(variable, cancellationToken).Where(t => !t.IsMissing).OrderBy(t => t.Span.Start).ToList();
            if (mentions.Count > 0)
            {
                var writes = mentions.Where(IsWrite).Select(t => t.Span).ToImmutableArray();
                var declaration = variable.Declaration.IsInSource ? ImmutableArray.Create(variable.Declaration.Span) : ImmutableArray.Create(mentions[0].Span);
                return new SymbolOccurrences(token.Text, false, variable.ToDisplayString(), declaration, mentions.Select(t => t.Span).ToImmutableArray(), writes);
            }
        }
        if (token.Kind == SyntaxKind.VariableToken)
        {
            var scope = ScopeOf(token.Span.Start) ?? Root;
            var mentions = scope.DescendantTokens().Where(t => t.Kind == SyntaxKind.VariableToken && t.Text == token.Text && !t.IsMissing).ToList();
            cancellationToken.ThrowIfCancellationRequested();
            var writes = mentions.Where(IsWrite).Select(t => t.Span).ToImmutableArray();
            var definitions = writes.IsEmpty ? [mentions[0].Span] : ImmutableArray.Create(writes[0]);
            return new SymbolOccurrences(token.Text, false, VariableDisplay(token) ?? token.Text, definitions, mentions.Select(t => t.Span).ToImmutableArray(), writes);
        }
        return null;
    }

    /// <summary>The type of an expression node as text, or null.</summary>
    public string? TypeOf(SyntaxNode node, CancellationToken cancellationToken)
    {
        var type = Model?.GetType(node, cancellationToken);
        return type is null || type.IsError ? null : type.ToString();
    }

    /// <summary>The map's description with its types, e.g. <c>@start: map[uint32] -> uint64</c>, or null.</summary>
    public string? MapDisplay(string name)
    {
        if (Model is null)
            return null;
        foreach (var map in Compilation.Maps)
        {
            if (map.Name == name)
                return map.ToDisplayString();
        }
        return null;
    }

    private string? VariableDisplay(SyntaxToken token)
        => VariableOf(token) is { } variable ? variable.ToDisplayString() : null;

    private VariableSymbol? VariableOf(SyntaxToken token)
    {
        try
        {
            return Model?.GetSymbol(token) as VariableSymbol;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return null;
        }
    }

    private SemanticModel? CreateModel()
    {
        try
        {
            _ = Compilation.Maps; // binds
            return Compilation.GetSemanticModel();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            BindingError = e;
            return null;
        }
    }

    /// <summary>Why binding failed (a compiler bug), or null.</summary>
    public Exception? BindingError { get; private set; }

    /// <summary>The probe or macro that scopes scratch variables at a position.</summary>
    private SyntaxNode? ScopeOf(int position)
    {
        foreach (var member in Root.Members)
        {
            if (member.FullSpan.Start <= position && position <= member.FullSpan.End && member is ProbeSyntax or MacroDefinitionSyntax)
                return member;
        }
        return null;
    }

    /// <summary>True if the token is the target of an assignment or declaration.</summary>
    private static bool IsWrite(SyntaxToken token)
    {
        var parent = token.Parent;
        if (parent is VariableDeclarationStatementSyntax or MapDeclarationSyntax or ForStatementSyntax)
            return true;
        var expression = parent;
        while (expression?.Parent is ElementAccessExpressionSyntax access && access.Expression == expression)
            expression = access;
        return expression?.Parent is AssignmentStatementSyntax assignment && assignment.Target == expression
            || expression?.Parent is PostfixUnaryExpressionSyntax or PrefixUnaryExpressionSyntax { OperatorToken.Kind: SyntaxKind.PlusPlusToken or SyntaxKind.MinusMinusToken };
    }

    private (ImmutableArray<Diagnostic> Own, ImmutableArray<Diagnostic> Imported) ComputeDiagnostics()
    {
        // Syntax and semantic diagnostics, as `btlang` reports them; if binding crashes (a compiler bug), the syntax
        // diagnostics still show.
        if (Model is null)
            return (Tree.GetDiagnostics(), ImmutableArray<Diagnostic>.Empty);
        // Diagnostics of imported scripts belong to those files, not to this document's ranges.
        var all = Compilation.GetDiagnostics();
        bool IsOwn(Diagnostic d) => !d.Location.IsInSource || d.Location.Path == Tree.FilePath;
        return (all.Where(IsOwn).ToImmutableArray(), all.Where(d => !IsOwn(d)).ToImmutableArray());
    }
}
