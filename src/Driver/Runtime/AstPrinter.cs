using System.Text;
using BtLang.Syntax;

namespace BtLang.Driver.Runtime;

/// <summary><c>-d ast</c>: the syntax tree as an indented outline of node kinds and token texts.</summary>
internal static class AstPrinter
{
    public static string Print(SyntaxNode root)
    {
        var builder = new StringBuilder();
        Append(builder, root, 0);
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, SyntaxNode node, int depth)
    {
        builder.Append(' ', depth * 2).Append(node.Kind).Append('\n');
        foreach (var child in node.ChildNodesAndTokens())
        {
            if (child.AsNode() is { } childNode)
            {
                Append(builder, childNode, depth + 1);
            }
            else if (child.AsToken() is { Text.Length: > 0 } token)
            {
                builder.Append(' ', (depth + 1) * 2).Append(token.Kind).Append(' ').Append(token.Text).Append('\n');
            }
        }
    }
}
