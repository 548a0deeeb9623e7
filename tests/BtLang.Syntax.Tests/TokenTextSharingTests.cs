using BtLang.Syntax.InternalSyntax;

namespace BtLang.Syntax.Tests;

/// <summary>
/// Short token texts and whitespace trivia are shared between parses on a thread (fewer allocations per parse);
/// sharing must not change any tree: texts, trivia and round trips stay exact.
/// </summary>
public sealed class TokenTextSharingTests
{
    private const string Script = "kprobe:vfs_read /pid != 1/ {\n  $v = arg2;   // bytes\n  @bytes[comm] = sum($v);\n}\n";

    [Fact]
    public void TwoParsesShareShortTokenTextsAndWhitespace()
    {
        var first = SyntaxTree.ParseText(Script).GetRoot();
        var second = SyntaxTree.ParseText(Script).GetRoot();

        var firstTokens = first.DescendantTokens().ToList();
        var secondTokens = second.DescendantTokens().ToList();
        Assert.Equal(firstTokens.Select(t => t.Text), secondTokens.Select(t => t.Text));
        Assert.All(firstTokens.Zip(secondTokens), pair => Assert.Same(pair.First.Text, pair.Second.Text));

        var firstWhitespace = firstTokens.SelectMany(t => t.LeadingTrivia.Concat(t.TrailingTrivia)).Where(t => t.Kind == SyntaxKind.WhitespaceTrivia).ToList();
        var secondWhitespace = secondTokens.SelectMany(t => t.LeadingTrivia.Concat(t.TrailingTrivia)).Where(t => t.Kind == SyntaxKind.WhitespaceTrivia).ToList();
        Assert.NotEmpty(firstWhitespace);
        Assert.All(firstWhitespace.Zip(secondWhitespace), pair => Assert.Same(pair.First.Green, pair.Second.Green));
    }

    [Fact]
    public void SharedTriviaKeepsPositionsAndTextExact()
    {
        var root = SyntaxTree.ParseText(Script).GetRoot();

        Assert.Equal(Script, root.ToFullString());
        var spaces = root.DescendantTokens().SelectMany(t => t.TrailingTrivia).Where(t => t.Kind == SyntaxKind.WhitespaceTrivia && t.ToString() == " ").ToList();
        Assert.True(spaces.Count > 2);
        Assert.Equal(spaces.Count, spaces.Select(s => s.Span.Start).Distinct().Count());
        Assert.All(spaces, s => Assert.Equal(" ", Script.Substring(s.Span.Start, s.Span.Length)));
    }

    [Fact]
    public void LongTokensAreNotShared()
    {
        string name = "$a_variable_name_longer_than_thirty_two_characters";
        string script = $"BEGIN {{ {name} = 1; }}\n";
        var first = SyntaxTree.ParseText(script).GetRoot().DescendantTokens().Single(t => t.Text == name);
        var second = SyntaxTree.ParseText(script).GetRoot().DescendantTokens().Single(t => t.Text == name);

        Assert.NotSame(first.Text, second.Text);
    }
}
