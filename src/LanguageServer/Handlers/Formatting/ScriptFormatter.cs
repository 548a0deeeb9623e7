using System.Text;
using BtLang.Syntax;

namespace BtLang.LanguageServer.Handlers.Formatting;

/// <summary>
/// A token-based formatter: keeps every token and comment and the user's line breaks (at most one blank line in a
/// row), re-indents each line by brace and parenthesis depth, and normalises the spaces between tokens on a line
/// (one around binary operators and after commas, none inside parentheses and brackets, none in attach points).
/// It never formats a tree with syntax errors, and it checks its own output: the formatted text must parse to the
/// same token sequence, otherwise the input is returned unchanged. Formatting formatted text changes nothing.
/// </summary>
public static class ScriptFormatter
{
    /// <summary>The formatted text, or null when the text is left as it is (syntax errors, or nothing to change).</summary>
    public static string? Format(SyntaxTree tree, int indentSize = 4, bool useTabs = false, CancellationToken cancellationToken = default)
        => Format(tree, indentSize, useTabs, out _, cancellationToken);

    /// <summary>As <see cref="Format(SyntaxTree, int, bool, CancellationToken)"/>, saying why the text was left alone.</summary>
    public static string? Format(SyntaxTree tree, int indentSize, bool useTabs, out string outcome, CancellationToken cancellationToken = default)
    {
        outcome = "syntax errors";
        if (tree.GetDiagnostics().Any(d => d.IsError))
            return null;
        string original = tree.Text.ToString();
        var elements = Collect(tree.GetRoot());
        outcome = "skipped or missing tokens";
        if (elements is null)
            return null;
        cancellationToken.ThrowIfCancellationRequested();
        string newLine = original.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        bool endsWithNewLine = original.EndsWith('\n') || original.EndsWith('\r');
        string indentUnit = useTabs ? "\t" : new string(' ', Math.Clamp(indentSize, 1, 16));
        string formatted = Emit(elements, newLine, endsWithNewLine, indentUnit);
        outcome = "unchanged";
        if (formatted == original)
            return null;
        // The safety net: a formatter must never change what the script means.
        var reparsed = SyntaxTree.ParseText(formatted, tree.FilePath);
        outcome = "refused: the formatted text would parse differently";
        if (!SameTokens(tree, reparsed))
            return null;
        outcome = "formatted";
        return formatted;
    }

    /// <summary>True if both trees have the same tokens (kind and text) and the same comments, in order.</summary>
    public static bool SameTokens(SyntaxTree a, SyntaxTree b)
    {
        static IEnumerable<(SyntaxKind, string)> Sequence(SyntaxTree tree)
        {
            foreach (var token in tree.GetRoot().DescendantTokens())
            {
                foreach (var trivia in token.LeadingTrivia.Concat(token.TrailingTrivia))
                {
                    if (IsComment(trivia.Kind) || trivia.Kind == SyntaxKind.SkippedTokensTrivia)
                        yield return (trivia.Kind, trivia.Text.TrimEnd());
                }
                yield return (token.Kind, token.Text);
            }
        }
        return Sequence(a).SequenceEqual(Sequence(b));
    }

    private static bool IsComment(SyntaxKind kind)
        => kind is SyntaxKind.SingleLineCommentTrivia or SyntaxKind.MultiLineCommentTrivia or SyntaxKind.ShebangTrivia;

    private static List<Element>? Collect(SyntaxNode root)
    {
        var elements = new List<Element>();
        int newLines = 0;
        bool space = false;
        void AddTrivia(SyntaxTrivia trivia, ref bool failed)
        {
            switch (trivia.Kind)
            {
                case SyntaxKind.WhitespaceTrivia:
                    space = true;
                    break;
                case SyntaxKind.EndOfLineTrivia:
                    newLines++;
                    space = false;
                    break;
                case SyntaxKind.SingleLineCommentTrivia:
                case SyntaxKind.MultiLineCommentTrivia:
                case SyntaxKind.ShebangTrivia:
                    string text = trivia.Kind == SyntaxKind.MultiLineCommentTrivia ? trivia.Text : trivia.Text.TrimEnd();
                    elements.Add(new Element(text, trivia.Kind, default, newLines, space));
                    newLines = CountLineBreaks(trivia.Text) - CountLineBreaks(text);
                    space = false;
                    break;
                default:
                    failed = true;
                    break;
            }
        }

        bool failed = false;
        foreach (var token in root.DescendantTokens())
        {
            if (token.IsMissing)
                return null;
            foreach (var trivia in token.LeadingTrivia)
                AddTrivia(trivia, ref failed);
            if (token.Kind != SyntaxKind.EndOfFileToken)
                elements.Add(new Element(token.Text, token.Kind, token, newLines, space));
            else
                elements.Add(new Element(string.Empty, token.Kind, token, newLines, space));
            newLines = 0;
            space = false;
            foreach (var trivia in token.TrailingTrivia)
                AddTrivia(trivia, ref failed);
            if (failed)
                return null;
        }
        return elements;
    }

    private static int CountLineBreaks(string text)
    {
        int count = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
                count++;
        }
        return count;
    }

    private static string Emit(List<Element> elements, string newLine, bool endsWithNewLine, string indentUnit)
    {
        var builder = new StringBuilder();
        int braces = 0, parens = 0;
        Element? previous = null;
        foreach (var element in elements)
        {
            if (element.Kind == SyntaxKind.EndOfFileToken)
                break;
            bool lineStart = previous is null || element.NewLinesBefore > 0;
            if (previous is not null && element.NewLinesBefore > 0)
            {
                for (int i = 0; i < Math.Min(element.NewLinesBefore, 2); i++)
                    builder.Append(newLine);
            }
            if (lineStart)
            {
                int depth = braces + parens;
                if (element.Kind == SyntaxKind.CloseBraceToken)
                    depth = Math.Max(braces - 1, 0) + parens;
                else if (element.Kind is SyntaxKind.CloseParenToken or SyntaxKind.CloseBracketToken)
                    depth = braces + Math.Max(parens - 1, 0);
                if (element.Kind is not (SyntaxKind.PreprocessorDirectiveToken or SyntaxKind.ShebangTrivia))
                {
                    for (int i = 0; i < depth; i++)
                        builder.Append(indentUnit);
                }
            }
            else if (NeedsSpace(previous!, element))
            {
                builder.Append(' ');
            }
            builder.Append(element.Text);
            switch (element.Kind)
            {
                case SyntaxKind.OpenBraceToken: braces++; break;
                case SyntaxKind.CloseBraceToken: braces = Math.Max(braces - 1, 0); break;
                case SyntaxKind.OpenParenToken or SyntaxKind.OpenBracketToken: parens++; break;
                case SyntaxKind.CloseParenToken or SyntaxKind.CloseBracketToken: parens = Math.Max(parens - 1, 0); break;
            }
            previous = element;
        }
        if (endsWithNewLine && builder.Length > 0)
            builder.Append(newLine);
        return builder.ToString();
    }

    private static bool NeedsSpace(Element previous, Element next)
    {
        if (previous.IsTrivia || next.IsTrivia)
            return true;
        var p = previous.Token;
        var n = next.Token;
        // Attach points and types are written as the user wrote them (a space would change their meaning).
        if (p.Parent is AttachPointSyntax && n.Parent == p.Parent)
            return next.SpaceBefore;
        if (p.Parent is PointerTypeSyntax || n.Parent is PointerTypeSyntax)
            return next.SpaceBefore;
        switch (n.Kind)
        {
            case SyntaxKind.CloseParenToken or SyntaxKind.CloseBracketToken or SyntaxKind.CommaToken or SyntaxKind.SemicolonToken:
            case SyntaxKind.DotToken or SyntaxKind.ArrowToken or SyntaxKind.DotDotToken:
                return false;
        }
        switch (p.Kind)
        {
            case SyntaxKind.OpenParenToken or SyntaxKind.OpenBracketToken:
            case SyntaxKind.DotToken or SyntaxKind.ArrowToken or SyntaxKind.DotDotToken:
                return false;
            case SyntaxKind.CommaToken or SyntaxKind.SemicolonToken:
                return true;
        }
        if (p.Parent is PredicateSyntax predicate && p == predicate.OpenSlashToken)
            return false;
        if (n.Parent is PredicateSyntax closing && n == closing.CloseSlashToken)
            return false;
        if (p.Parent is PrefixUnaryExpressionSyntax unary && p == unary.OperatorToken)
            return false;
        if (n.Parent is PostfixUnaryExpressionSyntax postfix && n == postfix.OperatorToken)
            return false;
        if (p.Kind == SyntaxKind.CloseParenToken && p.Parent is CastExpressionSyntax)
            return false;
        if (n.Kind == SyntaxKind.ColonToken && n.Parent is VariableDeclarationStatementSyntax)
            return false;
        if (n.Kind == SyntaxKind.OpenParenToken)
        {
            return p.Kind switch
            {
                SyntaxKind.IdentifierToken or SyntaxKind.SizeofKeyword or SyntaxKind.OffsetofKeyword => false,
                SyntaxKind.CloseParenToken => p.Parent is not CastExpressionSyntax,
                _ => true,
            };
        }
        if (n.Kind == SyntaxKind.OpenBracketToken)
        {
            return p.Kind is not (SyntaxKind.IdentifierToken or SyntaxKind.MapToken or SyntaxKind.VariableToken
                or SyntaxKind.CloseParenToken or SyntaxKind.CloseBracketToken);
        }
        return true;
    }

    private sealed record Element(string Text, SyntaxKind Kind, SyntaxToken Token, int NewLinesBefore, bool SpaceBefore)
    {
        public bool IsTrivia => Kind is SyntaxKind.SingleLineCommentTrivia or SyntaxKind.MultiLineCommentTrivia or SyntaxKind.ShebangTrivia;
    }
}
