using System.Text;
using BtLang.Syntax;

namespace BtLang.Syntax.Tests;

/// <summary>Checks that hold for every tree: full fidelity, contiguous spans, consistent parents.</summary>
internal static class TreeInvariants
{
    public static void Check(SyntaxTree tree, string text)
    {
        var root = tree.GetRoot();
        string full = root.ToFullString();
        Assert.True(text == full, $"Round-trip failed.\n--- input ---\n{text}\n--- output ---\n{full}");
        Assert.Equal(text.Length, root.FullSpan.Length);

        var builder = new StringBuilder();
        int position = 0;
        foreach (var token in root.DescendantTokens())
        {
            Assert.Equal(position, token.FullSpan.Start);
            builder.Append(token.ToFullString());
            position = token.FullSpan.End;
            Assert.True(token.Span.Start >= token.FullSpan.Start && token.Span.End <= token.FullSpan.End);
            Assert.NotNull(token.Parent);
            if (token.IsMissing)
            {
                Assert.Equal(0, token.Span.Length);
            }
        }

        Assert.Equal(text, builder.ToString());
        Assert.Equal(SyntaxKind.EndOfFileToken, root.EndOfFileToken.Kind);

        foreach (var node in root.DescendantNodes())
        {
            Assert.NotNull(node.Parent);
            Assert.NotEqual(SyntaxKind.List, node.Kind);
            Assert.True(node.Parent!.FullSpan.Contains(node.FullSpan));
            Assert.Same(tree, node.SyntaxTree);
        }

        foreach (var diagnostic in tree.GetDiagnostics())
        {
            Assert.StartsWith("BT0", diagnostic.Id);
            Assert.NotEqual(SyntaxDiagnostics.InternalParserError.Id, diagnostic.Id);
            Assert.True(diagnostic.Location.Span.End <= text.Length);
        }
    }
}
