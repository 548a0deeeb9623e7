using BtLang.Syntax;
using BtLang.TestUtilities;
using CsCheck;
using Microsoft.CodeAnalysis.Text;

namespace BtLang.Syntax.Tests;

/// <summary>
/// <see cref="SyntaxTree.WithChangedText"/> reparses only the top-level members an edit touches: the result always
/// equals a fresh parse (for chains of random edits on multi-probe scripts, through broken states and back), and
/// untouched members are shared with the old tree.
/// </summary>
public sealed class IncrementalParsingTests
{
    private static readonly string[] Corpus = Directory.GetFiles(RepoPaths.Combine("tests", "corpus", "valid"), "*.bt")
        .OrderBy(f => f, StringComparer.Ordinal)
        .Select(File.ReadAllText)
        .ToArray();

    /// <summary>Edits as a user types them, and some that break the structure (braces, comments, strings, newlines).</summary>
    private static readonly string[] Insertions =
    {
        "", "", "", "\n", "\r\n", " ", "}", "{", "}\n", "{\n", ";", "/", "/*", "*/", "//", "\"", "$z = 1;", "  @x[tid] = count();\n",
        "if ($z > 1) { exit(); }", "kprobe:f { }\n", "BEGIN {", "END { }", "#include <a.h>\n", "#!", "config = { max_map_keys = 8 }\n",
        "macro m($a) { $a }\n", "let @m = hash(8);\n", "/pid == 1/", "(", ")", "printf(\"%d\\n\", pid);", "\\", "x", "@", "import \"a\";\n",
        "struct s { int a; };\n", "t:syscalls:sys_enter_read,\n", "\n\n", "// comment\n",
    };

    private static readonly Gen<string> Document =
        Gen.Int[0, Corpus.Length - 1].Array[2, 6].Select(indexes => string.Join(string.Empty, indexes.Select(i => Corpus[i])));

    /// <summary>Edits anywhere (mostly breaking the text) and edits that keep it valid (a statement after a `{`, a digit).</summary>
    private static readonly Gen<(int Kind, double Start, int Length, string Text)> Edit =
        from kind in Gen.Int[0, 2]
        from start in Gen.Double[0, 1]
        from length in Gen.OneOf(Gen.Const(0), Gen.Int[0, 3], Gen.Int[0, 40])
        from text in Gen.OneOf(Gen.Int[0, Insertions.Length - 1].Select(i => Insertions[i]), Gen.Char["{}();/\n \"*#$@a1"].Array[0, 4].Select(c => new string(c)))
        select (kind, start, length, text);

    [Fact]
    public void ChainsOfRandomEditsEqualFreshParses()
    {
        int steps = 0, reused = 0;
        Gen.Select(Document, Edit.Array[1, 8]).Sample((text, edits) =>
        {
            var source = SourceText.From(text);
            var tree = SyntaxTree.ParseText(source, "a.bt");
            foreach (var edit in edits)
            {
                source = source.WithChanges(Apply(source.ToString(), edit));
                var old = tree;
                tree = tree.WithChangedText(source);
                AssertSameAsFreshParse(tree, source);
                var oldMembers = old.GetRoot().Members.Select(m => m.Green).ToHashSet();
                Interlocked.Increment(ref steps);
                if (tree.GetRoot().Members.Any(m => oldMembers.Contains(m.Green)))
                {
                    Interlocked.Increment(ref reused);
                }
            }
        }, iter: 1000);

        // The property must exercise the splice, not only the fallback to a full parse.
        Assert.True(reused * 4 > steps, $"only {reused} of {steps} edits reused members");
    }

    private static TextChange Apply(string text, (int Kind, double Start, int Length, string Text) edit)
    {
        int start = (int)(edit.Start * text.Length);
        int brace = text.IndexOf('{', start);
        int digit = text.IndexOfAny("0123456789".ToCharArray(), start);
        return edit.Kind switch
        {
            1 when brace >= 0 => new TextChange(new TextSpan(brace + 1, 0), " $q = 2;"),
            2 when digit >= 0 => new TextChange(new TextSpan(digit, 1), ((text[digit] - '0' + 1) % 10).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            _ => new TextChange(new TextSpan(start, Math.Min(edit.Length, text.Length - start)), edit.Text),
        };
    }

    [Fact]
    public void AnEditInOneProbeReusesEveryOtherMember()
    {
        string text = string.Concat(Enumerable.Range(0, 50).Select(i => $"kprobe:f{i} /pid > {i}/\n{{\n  @start[tid] = nsecs;\n  $x = {i};\n}}\n\n"));
        var tree = SyntaxTree.ParseText(text);
        int position = text.IndexOf("$x = 20;", StringComparison.Ordinal);
        var edited = tree.WithChangedText(tree.Text.WithChanges(new TextChange(new TextSpan(position, 0), "$z = 1; ")));

        AssertSameAsFreshParse(edited, edited.Text);
        var oldMembers = tree.GetRoot().Members;
        var newMembers = edited.GetRoot().Members;
        Assert.Equal(50, newMembers.Count);
        for (int i = 0; i < 50; i++)
        {
            // The edited probe and the one before it (whose parse may look at the first token after it) are new.
            Assert.Equal(i is not (19 or 20), ReferenceEquals(oldMembers[i].Green, newMembers[i].Green));
        }
    }

    [Fact]
    public void AStatementBeingTypedReparsesOnlyItsProbeWithTheSameDiagnosticsAsAFreshParse()
    {
        string text = string.Concat(Enumerable.Range(0, 50).Select(i => $"kprobe:f{i}\n{{\n  $x = {i};\n}}\n"));
        var tree = SyntaxTree.ParseText(text);
        int position = text.IndexOf("$x = 30;", StringComparison.Ordinal);
        var typing = tree.WithChangedText(tree.Text.WithChanges(new TextChange(new TextSpan(position, 0), "$z = \n  ")));

        AssertSameAsFreshParse(typing, typing.Text);
        Assert.NotEmpty(typing.GetDiagnostics());
        var oldMembers = tree.GetRoot().Members;
        var newMembers = typing.GetRoot().Members;
        Assert.Same(oldMembers[28].Green, newMembers[28].Green);
        Assert.Same(oldMembers[31].Green, newMembers[31].Green);
        Assert.NotSame(oldMembers[30].Green, newMembers[30].Green);
    }

    [Fact]
    public void BreakingAndRepairingAProbeReusesTheOthersOnceTheTextIsValidAgain()
    {
        string text = string.Concat(Enumerable.Range(0, 10).Select(i => $"BEGIN {{ @a{i} = {i}; }}\n"));
        var tree = SyntaxTree.ParseText(text);
        int brace = text.IndexOf("@a5", StringComparison.Ordinal) - 2;

        // Deleting `{` breaks the probe (the parser's recovery reaches into the next probe).
        var broken = tree.WithChangedText(tree.Text.WithChanges(new TextChange(new TextSpan(brace, 1), string.Empty)));
        AssertSameAsFreshParse(broken, broken.Text);
        Assert.NotEmpty(broken.GetDiagnostics());

        // Typing it again: only the broken members are parsed again; the others are the broken tree's members.
        var repaired = broken.WithChangedText(broken.Text.WithChanges(new TextChange(new TextSpan(brace, 0), "{")));
        AssertSameAsFreshParse(repaired, repaired.Text);
        Assert.Empty(repaired.GetDiagnostics());
        Assert.Same(broken.GetRoot().Members[0].Green, repaired.GetRoot().Members[0].Green);
        Assert.Same(broken.GetRoot().Members[^1].Green, repaired.GetRoot().Members[^1].Green);
        Assert.Equal(10, repaired.GetRoot().Members.Count);
    }

    [Fact]
    public void ASemicolonTypedAfterAnImportWithoutOneJoinsTheImport()
    {
        string text = "import \"a\"\nBEGIN { @x = 1; }\nEND { @y = 2; }\n";
        var tree = SyntaxTree.ParseText(text);
        int position = text.IndexOf("BEGIN", StringComparison.Ordinal);
        var edited = tree.WithChangedText(tree.Text.WithChanges(new TextChange(new TextSpan(position, 0), ";")));

        AssertSameAsFreshParse(edited, edited.Text);
        Assert.Equal(";", ((ImportSyntax)edited.GetRoot().Members[0]).SemicolonToken.Text);
        Assert.Same(tree.GetRoot().Members[2].Green, edited.GetRoot().Members[2].Green);
    }

    [Fact]
    public void ATextNotMadeFromTheTreesTextIsParsedWhole()
    {
        var tree = SyntaxTree.ParseText("BEGIN { @a = 1; }\nEND { @b = 2; }\n");
        var other = SourceText.From("BEGIN { @a = 1; }\nEND { @c = 2; }\n");
        var edited = tree.WithChangedText(other);
        AssertSameAsFreshParse(edited, other);
        Assert.NotSame(tree.GetRoot().Members[0].Green, edited.GetRoot().Members[0].Green);
        Assert.Same(tree, tree.WithChangedText(tree.Text));
    }

    private static void AssertSameAsFreshParse(SyntaxTree edited, SourceText text)
    {
        var fresh = SyntaxTree.ParseText(text, "a.bt");
        string newText = text.ToString();
        TreeInvariants.Check(edited, newText);
        Assert.True(edited.GetRoot().IsEquivalentTo(fresh.GetRoot()), $"incremental tree differs from a fresh parse of:\n{newText}");
        Assert.Equal(
            fresh.GetDiagnostics().Select(d => (d.Id, d.Location.Span, d.Message)),
            edited.GetDiagnostics().Select(d => (d.Id, d.Location.Span, d.Message)));
    }
}
