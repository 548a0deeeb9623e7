using BtLang.Semantics.ProbeCatalog.Providers;
using ProbeProvider = BtLang.Semantics.ProbeCatalog.Providers.ProbeProvider;
using BtLang.Syntax;

namespace BtLang.LanguageServer.Handlers;

/// <summary>Questions about positions in a syntax tree, shared by the feature handlers.</summary>
internal static class SyntaxQueries
{
    /// <summary>
    /// The non-missing token that touches <paramref name="position"/>: the one containing it, else the one ending at
    /// it (so a cursor just after <c>@start</c> still names <c>@start</c>); default when the position is in trivia.
    /// </summary>
    public static SyntaxToken TokenAt(SyntaxNode root, int position)
    {
        if (position < 0 || position > root.FullSpan.End)
            return default;
        var token = root.FindToken(position);
        if (token.Kind != SyntaxKind.None && !token.IsMissing && token.Span.Start <= position && position < token.Span.End)
            return token;
        if (position > 0)
        {
            var before = root.FindToken(position - 1);
            if (before.Kind != SyntaxKind.None && !before.IsMissing && before.Span.End == position && before.Span.Length > 0)
                return before;
        }
        return default;
    }

    /// <summary>True if the position is inside a comment, or strictly inside a string literal.</summary>
    public static bool IsInCommentOrString(SyntaxNode root, int position)
    {
        if (position < 0 || position > root.FullSpan.End)
            return false;
        var token = root.FindToken(Math.Min(position, Math.Max(root.FullSpan.End - 1, 0)));
        if (token.Kind == SyntaxKind.StringLiteralToken && token.Span.Start < position && (position < token.Span.End || !token.Text.EndsWith('"') || token.Text.Length == 1))
            return true;
        foreach (var trivia in token.LeadingTrivia.Concat(token.TrailingTrivia))
        {
            if (trivia.Kind is SyntaxKind.SingleLineCommentTrivia or SyntaxKind.ShebangTrivia && trivia.Span.Start < position && position <= trivia.Span.End)
                return true;
            if (trivia.Kind == SyntaxKind.MultiLineCommentTrivia && trivia.Span.Start < position && (position < trivia.Span.End || !trivia.Text.EndsWith("*/", StringComparison.Ordinal)))
                return true;
        }
        return false;
    }

    /// <summary>The probe whose body or predicate holds the position, or null.</summary>
    public static ProbeSyntax? EnclosingProbe(CompilationUnitSyntax root, int position)
    {
        foreach (var member in root.Members)
        {
            if (member is ProbeSyntax probe && probe.Span.Start <= position && position <= probe.FullSpan.End && IsInBodyOrPredicate(probe, position))
                return probe;
        }
        return null;
    }

    /// <summary>The innermost brace block (probe body, macro body, nested block) that holds the position, or null.</summary>
    public static SyntaxNode? EnclosingBlock(CompilationUnitSyntax root, int position)
    {
        SyntaxNode? best = null;
        foreach (var node in root.DescendantNodes(n => n.FullSpan.Start <= position && position <= n.FullSpan.End))
        {
            if (node is BlockSyntax block && Inside(block.OpenBraceToken, block.CloseBraceToken, position))
                best = block;
            else if (node is ConfigBlockSyntax config && Inside(config.OpenBraceToken, config.CloseBraceToken, position))
                best = config;
        }
        return best;
    }

    private static bool IsInBodyOrPredicate(ProbeSyntax probe, int position)
    {
        if (probe.Predicate is { } predicate && predicate.OpenSlashToken.Span.End <= position && position <= predicate.CloseSlashToken.Span.Start)
            return true;
        return Inside(probe.Body.OpenBraceToken, probe.Body.CloseBraceToken, position);
    }

    private static bool Inside(SyntaxToken open, SyntaxToken close, int position)
        => !open.IsMissing && open.Span.End <= position && (close.IsMissing || position <= close.Span.Start);

    /// <summary>The providers of a probe's attach points (unknown providers are left out).</summary>
    public static IReadOnlyList<ProbeProvider> Providers(ProbeSyntax probe)
    {
        var providers = new List<ProbeProvider>();
        foreach (var attachPoint in probe.AttachPoints)
        {
            var first = attachPoint.Tokens.Count > 0 ? attachPoint.Tokens[0].Text : attachPoint.ToString().Trim();
            int colon = first.IndexOf(':');
            if (colon >= 0)
                first = first[..colon];
            if (ProbeProviders.TryGet(first, out var provider))
                providers.Add(provider);
        }
        return providers;
    }

    /// <summary>The attach point text without trivia, e.g. <c>tracepoint:syscalls:sys_enter_openat</c>.</summary>
    public static string AttachPointText(AttachPointSyntax attachPoint) => attachPoint.ToString().Trim();
}
