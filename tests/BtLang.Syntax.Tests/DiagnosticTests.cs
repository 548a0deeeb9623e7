using BtLang.Syntax;
using BtLang.TestUtilities;

namespace BtLang.Syntax.Tests;

/// <summary>Snippets with the expected diagnostics: spans marked [| |] in the text, IDs and messages beside them.</summary>
public sealed class DiagnosticTests
{
    [Theory]
    [InlineData("BEGIN { printf(\"x\"[||]", "BT0012", "syntax error, unexpected end of file, expecting )")]
    [InlineData("BEGIN { printf(\"x\") [|exit|](); }", "BT0003", "syntax error, unexpected identifier, expecting ; or }")]
    [InlineData("BEGIN { $x = 1\n  [|$y|] = 2; }", "BT0003", "syntax error, unexpected variable, expecting ; or }")]
    [InlineData("BEGIN { @x = [|;|] }", "BT0001", "syntax error, unexpected ;")]
    [InlineData("BEGIN { [|\"abc|]\n}", "BT0004", "unterminated string")]
    [InlineData("BEGIN { } [|/* abc|]", "BT0005", "unterminated comment")]
    [InlineData("BEGIN { [|`|]; }", "BT0006", "invalid character '`'")]
    [InlineData("BEGIN { @x = [|0x|]; }", "BT0007", "invalid integer literal '0x'")]
    [InlineData("BEGIN { @x = [|99999999999999999999999|]; }", "BT0008", "integer literal '99999999999999999999999' is out of range")]
    [InlineData("BEGIN { @x = [|\"\\q\"|]; }", "BT0009", "invalid escape character '\\q'")]
    [InlineData("BEGIN { $x = { $a = 1; [|}|]; }", "BT0011", "a block expression must end with an expression")]
    [InlineData("BEGIN { @x = 1; [||]", "BT0012", "syntax error, unexpected end of file, expecting }")]
    [InlineData("BEGIN { printf(\"a\");\n[|END|] { }\n", "BT0002", "syntax error, unexpected attach point, expecting }")]
    public void ReportsOneDiagnostic(string markup, string id, string message)
    {
        var annotated = AnnotatedText.Parse(markup);
        var tree = SyntaxTree.ParseText(annotated.Text);
        Assert.True(tree.GetDiagnostics().Length == 1, string.Join("\n", tree.GetDiagnostics()));
        var diagnostic = Assert.Single(tree.GetDiagnostics());
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(message, diagnostic.Message);
        Assert.Equal(Assert.Single(annotated.Spans), diagnostic.Location.Span);
    }

    [Fact]
    public void MissingSemicolonDoesNotSpoilLaterProbes()
    {
        string text = "kprobe:a {\n  @x = 1\n  @y = 2;\n}\nkprobe:b { @z = 3; }\nEND { print(@x); }\n";
        var tree = SyntaxTree.ParseText(text);
        var diagnostic = Assert.Single(tree.GetDiagnostics());
        Assert.Equal("BT0003", diagnostic.Id);
        var probes = tree.GetRoot().Members.OfType<ProbeSyntax>().ToList();
        Assert.Equal(3, probes.Count);
        Assert.Equal(2, probes[0].Body.Statements.Count);
        Assert.Equal("kprobe:b", probes[1].AttachPoints[0].ToString());
        Assert.Equal("END", probes[2].AttachPoints[0].ToString());
    }

    [Fact]
    public void MissingCloseBraceKeepsTheNextProbe()
    {
        string text = "BEGIN {\n  printf(\"a\");\n\ntracepoint:syscalls:sys_enter_read /pid == 1/ { @[comm] = count(); }\n";
        var tree = SyntaxTree.ParseText(text);
        var diagnostic = Assert.Single(tree.GetDiagnostics());
        Assert.Equal("BT0002", diagnostic.Id);
        Assert.Equal("syntax error, unexpected attach point, expecting }", diagnostic.Message);
        var probes = tree.GetRoot().Members.OfType<ProbeSyntax>().ToList();
        Assert.Equal(2, probes.Count);
        Assert.True(probes[0].Body.CloseBraceToken.IsMissing);
        Assert.NotNull(probes[1].Predicate);
        Assert.Equal("tracepoint:syscalls:sys_enter_read", probes[1].AttachPoints[0].ToString());
    }

    [Fact]
    public void FormatsLikeBpftrace()
    {
        var tree = SyntaxTree.ParseText("BEGIN { @x = ; }");
        string text = BtLang.Diagnostics.DiagnosticFormatter.Format(tree.GetDiagnostics());
        Assert.Equal("stdin:1:14-15: ERROR: syntax error, unexpected ;\nBEGIN { @x = ; }\n             ~\nBT0001\n", text);
    }
}
