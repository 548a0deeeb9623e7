using BtLang.Syntax;
using BtLang.TestUtilities;
using CsCheck;
using Microsoft.CodeAnalysis.Text;

namespace BtLang.Syntax.Tests;

/// <summary>Random inputs: no exception, exact round-trip, and edits through WithChangedText equal a fresh parse.</summary>
public sealed class PropertyTests
{
    private static readonly string[] Fragments =
    {
        "BEGIN", "END", "begin", "{", "}", "(", ")", "[", "]", ";", ",", ":", "/", "*", "\"", "\\", "@x", "@", "$y",
        "$1", "$#", "kprobe:f", "uprobe:/bin/sh:main", "t:syscalls:sys_enter_*", "if", "else", "while", "for", "let",
        "unroll", "return", "=", "==", "+=", "+", "-", "--", "?", "?:", ".", "..", "->", "0x1f", "10ms", "2e3", "1_0",
        "//", "/*", "*/", "\n", " ", "\r\n", "\t", "#include <a.h>\n", "#define X 1\n", "struct", "config", "macro",
        "import", "'", "`", "ä", "printf(\"%d\\n\", 1)", "count()", "(struct task_struct *)", "pid", "comm", "\"abc",
        "sizeof", "offsetof", "(a=1,b=2)", "(1,)", "let @m = hash(1);", "config = {", "/pid == 1/", "|", "&&",
    };

    private static readonly Gen<string> FragmentText =
        Gen.Int[0, Fragments.Length - 1].Select(i => Fragments[i]).Array[0, 40].Select(parts => string.Concat(parts));

    private static readonly Gen<string> AnyText = Gen.OneOf(Gen.String, FragmentText, Gen.Char["{}()[];:/ \n\"@$abc0"].Array[0, 60].Select(c => new string(c)));

    [Fact]
    public void AnyTextParsesAndRoundTrips()
    {
        AnyText.Sample(text =>
        {
            var tree = SyntaxTree.ParseText(text);
            TreeInvariants.Check(tree, text);
        }, iter: 3000);
    }

    [Fact]
    public void EditThenWithChangedTextEqualsFreshParse()
    {
        var corpus = Directory.GetFiles(RepoPaths.Combine("tests", "corpus", "valid"), "*.bt")
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(File.ReadAllText)
            .ToArray();
        var edits =
            from index in Gen.Int[0, corpus.Length - 1]
            from start in Gen.Double[0, 1]
            from length in Gen.Int[0, 12]
            from replacement in Gen.OneOf(FragmentText, Gen.Const(string.Empty))
            select (index, start, length, replacement);

        edits.Sample(edit =>
        {
            string oldText = corpus[edit.index];
            int start = (int)(edit.start * oldText.Length);
            int length = Math.Min(edit.length, oldText.Length - start);
            var oldSource = SourceText.From(oldText);
            var newSource = oldSource.WithChanges(new TextChange(new TextSpan(start, length), edit.replacement));

            var edited = SyntaxTree.ParseText(oldSource).WithChangedText(newSource);
            var fresh = SyntaxTree.ParseText(newSource);

            TreeInvariants.Check(edited, newSource.ToString());
            Assert.True(edited.GetRoot().IsEquivalentTo(fresh.GetRoot()));
            Assert.Equal(
                fresh.GetDiagnostics().Select(d => (d.Id, d.Location.Span, d.Message)),
                edited.GetDiagnostics().Select(d => (d.Id, d.Location.Span, d.Message)));
        }, iter: 500);
    }
}
