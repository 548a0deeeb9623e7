using System.Text;
using BtLang.Syntax;

namespace BtLang.TestUtilities;

/// <summary>
/// Dumps a syntax tree as indented text for baseline files: one line per node (kind and span) and per token (kind,
/// text, span; missing tokens marked), plus skipped-token trivia. Whitespace and comments are left out.
/// </summary>
public static class TreeDumper
{
    public static string Dump(SyntaxNode root)
    {
        var builder = new StringBuilder();
        Dump(builder, new SyntaxNodeOrToken(root), 0);
        return builder.ToString();
    }

    private static void Dump(StringBuilder builder, SyntaxNodeOrToken item, int depth)
    {
        var indent = new string(' ', depth * 2);
        if (item.AsNode() is { } node)
        {
            builder.Append(indent).Append(node.Kind).Append(' ').Append(Range(node.Span.Start, node.Span.End)).Append('\n');
            foreach (var child in node.ChildNodesAndTokens())
            {
                Dump(builder, child, depth + 1);
            }

            return;
        }

        var token = item.AsToken();
        foreach (var trivia in token.LeadingTrivia.Where(t => t.Kind == SyntaxKind.SkippedTokensTrivia))
        {
            builder.Append(indent).Append("skipped ").Append(Quote(trivia.Text)).Append(' ').Append(Range(trivia.Span.Start, trivia.Span.End)).Append('\n');
        }

        builder.Append(indent).Append(token.Kind);
        if (token.IsMissing)
        {
            builder.Append(" <missing>");
        }
        else if (token.Text.Length > 0)
        {
            builder.Append(' ').Append(Quote(token.Text));
        }

        if (token.Value is ulong or string && token.Kind != SyntaxKind.AttachPointPartToken)
        {
            builder.Append(" value=").Append(token.Value is string s ? Quote(s) : token.ValueText);
        }

        builder.Append(' ').Append(Range(token.Span.Start, token.Span.End)).Append('\n');
        foreach (var trivia in token.TrailingTrivia.Where(t => t.Kind == SyntaxKind.SkippedTokensTrivia))
        {
            builder.Append(indent).Append("skipped ").Append(Quote(trivia.Text)).Append(' ').Append(Range(trivia.Span.Start, trivia.Span.End)).Append('\n');
        }
    }

    private static string Range(int start, int end) => $"[{start}..{end})";

    private static string Quote(string text)
    {
        var builder = new StringBuilder("\"");
        foreach (char c in text)
        {
            builder.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '"' => "\\\"",
                '\\' => "\\\\",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return builder.Append('"').ToString();
    }
}
