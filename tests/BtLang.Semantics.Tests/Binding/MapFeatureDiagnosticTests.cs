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
    [InlineData("BEGIN { @s = 1; @n = len(@s); }", "BT1063", "@s")]
    [InlineData("BEGIN { @a[1] = 1; for ($kv : @a) { exit(); } }", "BT1031", "exit()")]
    [InlineData("BEGIN { @t = tseries(1, 1s, 5); for ($kv : @t) { } }", "BT1061", "@t")]
    [InlineData("BEGIN { @t = tseries(1, 1s, 5); @n = len(@t); }", "BT1063", "@t")]
    [InlineData("BEGIN { $i = 5; @t = tseries(1, $i, 5); }", "BT1064", "$i")]
    [InlineData("BEGIN { @t = tseries(1, 1s, -1); }", "BT1064", "-1")]
    [InlineData("BEGIN { @t = tseries(1, 0, 10); }", "BT1065", "0")]
    [InlineData("BEGIN { @t = tseries(1, 1s, 0); }", "BT1066", "0")]
    [InlineData("BEGIN { @t = tseries(1, 1s, 1000001); }", "BT1066", "1000001")]
    [InlineData("BEGIN { @t = tseries(1, 1s, 5, \"stats\"); }", "BT1067", "\"stats\"")]
    [InlineData("BEGIN { @t = tseries(\"x\", 1s, 5); }", "BT1016", "\"x\"")]
    [InlineData("BEGIN { @t = tseries(1, 1s, 5); @t = tseries(1, 1s, 5, \"sum\"); }", "BT1006", "tseries(1, 1s, 5, \"sum\")")]
    [InlineData("BEGIN { @t = tseries(1, 1s, 5); @x = @t + 1; }", "BT1015", "@t")]
    [InlineData("config = { unstable_tseries = error } BEGIN { @t = tseries(1, 1s, 5); }", "BT1068", "tseries(1, 1s, 5)")]
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
    [InlineData("BEGIN { @s[1] = stats(1); @h[1, \"k\"] = hist(1); @l[1] = lhist(1, 0, 10, 1); @c[1] = count(); @a[1] = avg(1); @t[1] = tseries(1, 1s, 5); print(@s[1]); print(@h[2, \"k\"]); print(@l[1]); print(@c[1]); print(@a[3]); print(@t[1]); }")]
    [InlineData("BEGIN { @a[1] = 1; $ok = delete(@a, 1); if (delete(@a[1])) { @b = $ok; } @c = delete(@a, 2) && !$ok; }")]
    [InlineData("BEGIN { @h[1] = hist(1); @l[1] = lhist(1, 0, 10, 1); @t[1] = tseries(1, 1s, 5); @c[1] = count(); @s[1] = sum(1); @a[1] = avg(1); @st[1] = stats(1); @mn[1] = min(1); @mx[1] = max(1); @n = len(@h) + len(@l) + len(@t) + len(@c) + len(@s) + len(@a) + len(@st) + len(@mn) + len(@mx); }")]
    [InlineData("BEGIN { @t = tseries(5, 1s, 10); @k[comm] = tseries(-1, 100ms, 1000000, \"avg\"); @m = tseries(1, 10000000000, 2, \"min\"); @x = tseries(1, 1, 1, \"max\"); @s = tseries(1, 1, 1, \"sum\"); }")]
    public void BindsWithoutErrors(string source)
    {
        var diagnostics = Compilation.Create(SyntaxTree.ParseText(source)).GetDiagnostics().Where(d => d.IsError).ToList();
        Assert.True(diagnostics.Count == 0, string.Join("\n", diagnostics.Select(d => d.ToString())));
    }

    [Theory]
    [InlineData("BEGIN { @t = tseries(1, 1s, 5); @u = tseries(2, 1s, 5); }", 1)]
    [InlineData("config = { unstable_tseries = warn } BEGIN { @t = tseries(1, 1s, 5); }", 1)]
    [InlineData("config = { unstable_tseries = enable } BEGIN { @t = tseries(1, 1s, 5); }", 0)]
    public void TSeriesWarnsOnceUnlessEnabled(string source, int warnings)
    {
        var diagnostics = Compilation.Create(SyntaxTree.ParseText(source)).GetDiagnostics();
        Assert.DoesNotContain(diagnostics, d => d.IsError);
        Assert.Equal(warnings, diagnostics.Count(d => d.Id == "BT1560"));
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
