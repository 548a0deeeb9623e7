using BtLang.Semantics;
using BtLang.Syntax;

namespace BtLang.Semantics.Tests.Binding;

/// <summary>Misuse of the map features (for over a map, len, tseries) gives exactly one diagnostic with its ID.</summary>
public sealed class MapFeatureDiagnosticTests
{
    [Theory]
    [InlineData("BEGIN { for ($kv : 5) { } }", "BT1060", "5")]
    [InlineData("BEGIN { @a[1] = avg(1); for ($kv : @a) { } }", "BT1061", "@a")]
    [InlineData("BEGIN { @a[1] = stats(1); for ($kv : @a) { } }", "BT1061", "@a")]
    [InlineData("BEGIN { @a[1] = hist(1); for ($kv : @a) { } }", "BT1061", "@a")]
    [InlineData("BEGIN { @a[1] = 1; $kv = 1; for ($kv : @a) { } @b = $kv; }", "BT1062", "$kv")]
    [InlineData("BEGIN { @h = hist(1); @n = len(@h); }", "BT1063", "@h")]
    [InlineData("BEGIN { @a[1] = 1; for ($kv : @a) { exit(); } }", "BT1031", "exit()")]
    public void ReportsOneDiagnostic(string source, string id, string spanText)
    {
        var tree = SyntaxTree.ParseText(source);
        Assert.Empty(tree.GetDiagnostics());
        var diagnostics = Compilation.Create(tree).GetDiagnostics().Where(d => d.IsError).ToList();
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(spanText, source.Substring(diagnostic.Location.Span.Start, diagnostic.Location.Span.Length));
    }

    [Theory]
    [InlineData("BEGIN { @a[1] = 1; $s = 0; for ($kv : @a) { $s += $kv.1; if ($kv.0 > 3) { break; } continue; } @s = $s; }")]
    [InlineData("BEGIN { @c[\"x\"] = count(); for ($kv : @c) { @copy[$kv.0] = $kv.1; } }")]
    [InlineData("BEGIN { @a[1, \"k\"] = \"v\"; for ($kv : @a) { printf(\"%d %s %s\\n\", $kv.0.0, $kv.0.1, $kv.1); } }")]
    [InlineData("BEGIN { @a[1] = 1; @n = len(@a); @b = has_key(@a, 1); }")]
    public void BindsWithoutErrors(string source)
    {
        var diagnostics = Compilation.Create(SyntaxTree.ParseText(source)).GetDiagnostics().Where(d => d.IsError).ToList();
        Assert.True(diagnostics.Count == 0, string.Join("\n", diagnostics.Select(d => d.ToString())));
    }

    [Fact]
    public void LoopVariableIsAKeyValueTupleAndCapturesOuterVariables()
    {
        var tree = SyntaxTree.ParseText("BEGIN { @a[\"k\"] = (uint32)1; $n = 0; $unused = 2; for ($kv : @a) { $n += $kv.1; $inner = 1; } }");
        var result = BtLang.Semantics.Binding.Binder.Bind(tree, CompilationOptions.Default);
        var loop = result.Program.Probes[0].Body.Statements.OfType<BtLang.Semantics.Binding.BoundForMap>().Single();
        Assert.Equal("(string[2], uint64)", loop.Variable.Type.ToString());
        Assert.Equal(new[] { "$n" }, loop.Captured.Select(v => v.Name));
    }
}
