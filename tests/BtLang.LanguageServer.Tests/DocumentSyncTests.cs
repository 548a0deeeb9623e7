using BtLang.LanguageServer.Protocol;
using BtLang.LanguageServer.Workspace;

namespace BtLang.LanguageServer.Tests;

public sealed class DocumentSyncTests
{
    private static readonly DocumentAnalysisFactory Factory = DocumentAnalysis.Factory(new BtLang.Semantics.CompilationOptions());

    private static TextDocumentContentChangeEvent Edit(int line, int character, int endLine, int endCharacter, string text)
        => new() { Range = new LspRange(new Position(line, character), new Position(endLine, endCharacter)), Text = text };

    [Fact]
    public void Incremental_changes_apply_in_order()
    {
        var document = Document.Create("file:///a.bt", 1, "BEGIN { }\n", Factory);
        document = document.WithChanges(2, [Edit(0, 8, 0, 8, "printf(\"x\");"), Edit(0, 0, 0, 5, "END")], Factory);
        Assert.Equal("END { printf(\"x\");}\n", document.Text.ToString());
        Assert.Equal(2, document.Version);
    }

    [Fact]
    public void A_change_without_range_replaces_everything()
    {
        var document = Document.Create("file:///a.bt", 1, "BEGIN { }", Factory);
        document = document.WithChanges(2, [Edit(0, 0, 0, 0, "// x\n"), new TextDocumentContentChangeEvent { Text = "END {}" }, Edit(0, 4, 0, 4, " ")], Factory);
        Assert.Equal("END  {}", document.Text.ToString());
    }

    [Fact]
    public void Random_edit_sequences_match_string_edits()
    {
        var random = new Random(1234);
        string[] pieces = ["a", "\n", "\r\n", "é", "😀", "{", "}", "$x = 1;", " ", "\r", "@m[pid]"];
        for (int round = 0; round < 200; round++)
        {
            string expected = "kprobe:vfs_read { @x = count(); }\n";
            var document = Document.Create("file:///r.bt", 0, expected, Factory);
            for (int step = 0; step < 20; step++)
            {
                var lines = LineMap.Create(document.Text);
                int a = random.Next(expected.Length + 1), b = random.Next(expected.Length + 1);
                int start = Math.Min(a, b), end = Math.Max(a, b);
                // Never split a CRLF or a surrogate pair: clients do not produce such positions.
                if (SplitsPair(expected, start) || SplitsPair(expected, end))
                    continue;
                string insert = string.Concat(Enumerable.Range(0, random.Next(3)).Select(_ => pieces[random.Next(pieces.Length)]));
                var change = new TextDocumentContentChangeEvent { Range = new LspRange(lines.GetPosition(start), lines.GetPosition(end)), Text = insert };
                document = document.WithChanges(step + 1, [change], Factory);
                expected = expected[..start] + insert + expected[end..];
                Assert.Equal(expected, document.Text.ToString());
                if (step % 3 == 0)
                    AssertSameAsFreshParse(document, expected);
            }
            AssertSameAsFreshParse(document, expected);
        }
    }

    /// <summary>The tree and diagnostics of an edited document equal those of a fresh parse of its text.</summary>
    private static void AssertSameAsFreshParse(Document document, string text)
    {
        var fresh = BtLang.Syntax.SyntaxTree.ParseText(text, DocumentAnalysis.PathOf(document.Uri));
        var tree = document.Analysis.Tree;
        Assert.Equal(text, tree.GetRoot().ToFullString());
        Assert.True(tree.GetRoot().IsEquivalentTo(fresh.GetRoot()));
        Assert.Equal(
            fresh.GetDiagnostics().Select(d => (d.Id, d.Location.Span, d.Message)),
            tree.GetDiagnostics().Select(d => (d.Id, d.Location.Span, d.Message)));
    }

    private static bool SplitsPair(string text, int offset)
        => offset > 0 && offset < text.Length
           && ((text[offset - 1] == '\r' && text[offset] == '\n') || char.IsSurrogatePair(text[offset - 1], text[offset]));
}
