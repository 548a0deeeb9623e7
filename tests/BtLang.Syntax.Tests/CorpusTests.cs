using BtLang.Syntax;
using BtLang.TestUtilities;

namespace BtLang.Syntax.Tests;

/// <summary>Every script of tests/corpus/valid parses with zero syntax diagnostics and round-trips.</summary>
public sealed class CorpusTests
{
    public static TheoryData<string> ValidScripts()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(RepoPaths.Combine("tests", "corpus", "valid"), "*.bt").OrderBy(f => f, StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Fact]
    public void CorpusHasAtLeastSixtyScripts() => Assert.True(Directory.GetFiles(RepoPaths.Combine("tests", "corpus", "valid"), "*.bt").Length >= 60);

    [Fact]
    public void ParallelParsesGiveTheSameTrees()
    {
        var texts = Directory.GetFiles(RepoPaths.Combine("tests", "corpus", "valid"), "*.bt").Select(File.ReadAllText).ToArray();
        var expected = texts.Select(t => SyntaxTree.ParseText(t).GetRoot()).ToArray();
        Parallel.For(0, texts.Length * 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            var root = SyntaxTree.ParseText(texts[i % texts.Length]).GetRoot();
            Assert.True(root.IsEquivalentTo(expected[i % texts.Length]));
        });
    }

    /// <summary>Recovery: deleting any one `)` from a valid script gives exactly one diagnostic, at or after it.</summary>
    [Theory]
    [MemberData(nameof(ValidScripts))]
    public void OneMissingCloseParenGivesOneDiagnostic(string name)
    {
        string text = File.ReadAllText(RepoPaths.Combine("tests", "corpus", "valid", name));
        var parens = SyntaxTree.ParseText(text).GetRoot().DescendantTokens().Where(t => t.Kind == SyntaxKind.CloseParenToken).ToList();
        foreach (var paren in parens)
        {
            string edited = text.Remove(paren.Span.Start, 1);
            var tree = SyntaxTree.ParseText(edited);
            TreeInvariants.Check(tree, edited);
            var diagnostic = Assert.Single(tree.GetDiagnostics());
            Assert.True(diagnostic.Location.Span.Start >= paren.Span.Start, $"{name}@{paren.Span.Start}: {diagnostic}");
        }
    }

    [Theory]
    [MemberData(nameof(ValidScripts))]
    public void ParsesWithoutDiagnostics(string name)
    {
        string text = File.ReadAllText(RepoPaths.Combine("tests", "corpus", "valid", name));
        var tree = SyntaxTree.ParseText(text, name);
        TreeInvariants.Check(tree, text);
        Assert.True(tree.GetDiagnostics().IsEmpty, BtLang.Diagnostics.DiagnosticFormatter.Format(tree.GetDiagnostics()));
        Assert.DoesNotContain(tree.GetRoot().DescendantTokens(), t => t.IsMissing);
    }
}
