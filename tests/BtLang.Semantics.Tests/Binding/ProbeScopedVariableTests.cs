using BtLang.Diagnostics;
using BtLang.Semantics.Symbols;
using BtLang.Semantics.Types;
using BtLang.Syntax;

namespace BtLang.Semantics.Tests.Binding;

/// <summary>
/// Scripts written for bpftrace 0.20 and older read a variable after the block that assigns it (tcpconnect.bt,
/// tcpdrop.bt); BtLang gives it probe scope with warning BT1505 unless the probe uses <c>let</c> for that name.
/// Each case: the script, then the expected diagnostics as "ID text-under-the-span".
/// </summary>
public sealed class ProbeScopedVariableTests
{
    [Theory]
    // tcpconnect.bt's shape: assigned in both branches, read after the if/else.
    [InlineData("BEGIN { if (pid > 1) { $s = \"a\"; } else { $s = \"bcd\"; } printf(\"%s\\n\", $s); }", "BT1505 $s")]
    // Assigned in one block, read in a later sibling block, then again after: one warning, at the first read.
    [InlineData("BEGIN { if (pid) { $x = 1; } if (tid) { @a = $x; } @b = $x; }", "BT1505 $x")]
    // Nested blocks and loops.
    [InlineData("BEGIN { $i = 0; while ($i < 2) { if ($i == 1) { $last = $i; } $i++; } @l = $last; }", "BT1505 $last")]
    [InlineData("BEGIN { { $y = 1; } $y += 2; @y = $y; }", "BT1505 $y")]
    // A `let` of the name anywhere in the probe: the script is written for block scoping, so the read stays an error.
    [InlineData("BEGIN { if (pid) { let $z = 1; } @z = $z; }", "BT1005 $z")]
    [InlineData("BEGIN { if (pid) { $z = 1; } if (tid) { let $z = 2; @q = $z; } @z = $z; }", "BT1005 $z")]
    // Read before any assignment, or only assigned in another probe: still undefined.
    [InlineData("BEGIN { @v = $v; if (pid) { $v = 1; } }", "BT1005 $v")]
    [InlineData("BEGIN { if (pid) { $w = 1; } } END { @w = $w; }", "BT1005 $w")]
    // One variable for the whole probe: the branches must agree on its type.
    [InlineData("BEGIN { if (pid) { $m = 1; } else { $m = \"a\"; } @m = $m; }", "BT1020 \"a\"", "BT1505 $m")]
    // Without a read outside its block a variable keeps block scope: the branches may differ.
    [InlineData("BEGIN { if (pid) { $k = 1; @k = $k; } else { $k = \"a\"; @s = $k; } }")]
    // A macro body keeps its own scope.
    [InlineData("macro f() { $t = 5; $t } BEGIN { if (pid) { $t = 1; } @t = $t + f(); }", "BT1505 $t")]
    public void ReportsExpectedDiagnostics(string source, params string[] expected)
    {
        var tree = SyntaxTree.ParseText(source);
        Assert.Empty(tree.GetDiagnostics());
        var actual = Compilation.Create(tree).GetDiagnostics()
            .Select(d => $"{d.Id} {source.Substring(d.Location.Span.Start, d.Location.Span.Length)}")
            .ToArray();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void WarningSaysWhatHappensAndHowToDeclareIt()
    {
        var tree = SyntaxTree.ParseText("BEGIN { if (pid) { $saddr = 1; } else { $saddr = 2; } @a = $saddr; }");
        var warning = Assert.Single(Compilation.Create(tree).GetDiagnostics());

        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal("Variable $saddr is used outside the block it is assigned in; it gets probe scope, as in bpftrace 0.20 and older (today's bpftrace rejects this)", warning.Message);
        Assert.Contains("let $saddr;", Assert.Single(warning.Hints));
    }

    [Fact]
    public void BothBranchesAndTheReadAreOneVariable()
    {
        string source = "BEGIN { if (pid) { $s = \"a\"; } else { $s = \"bcd\"; } printf(\"%s\\n\", $s); }";
        var tree = SyntaxTree.ParseText(source);
        var compilation = Compilation.Create(tree);
        var model = compilation.GetSemanticModel();
        var symbols = tree.GetRoot().DescendantTokens()
            .Where(t => t.Text == "$s")
            .Select(t => model.GetSymbol(t))
            .ToList();

        Assert.Equal(3, symbols.Count);
        var variable = Assert.IsType<VariableSymbol>(symbols[0]);
        Assert.All(symbols, s => Assert.Same(variable, s));
        Assert.Equal(new StringType(4), variable.Type);
    }

    [Fact]
    public void UntypedLetTakesTheTypeOfItsFirstAssignment()
    {
        // The fix the warning suggests compiles without the warning, and the string keeps its type.
        string source = "BEGIN { let $s; if (pid) { $s = \"a\"; } else { $s = \"bcd\"; } printf(\"%s\\n\", $s); }";
        var tree = SyntaxTree.ParseText(source);
        var compilation = Compilation.Create(tree);

        Assert.Empty(compilation.GetDiagnostics());
        var variable = Assert.IsType<VariableSymbol>(compilation.GetSemanticModel().GetSymbol(tree.GetRoot().DescendantTokens().Last(t => t.Text == "$s")));
        Assert.Equal(new StringType(4), variable.Type);
    }
}
