using BtLang.Diagnostics;
using BtLang.Semantics;
using BtLang.Syntax;
using BtLang.Emit.Tests.Llvm;

namespace BtLang.Emit.Tests.CodeGen;

/// <summary>
/// Map features that need more than straight-line code (bpf_for_each_map_elem callbacks for <c>for ($kv : @m)</c>
/// and <c>len(@m)</c>, tseries) compile to objects that pass the kernel verifier.
/// </summary>
public sealed class MapFeatureEmissionTests
{
    public static TheoryData<string> Scripts => new()
    {
        "BEGIN { @a[1] = 10; @a[2] = 20; for ($kv : @a) { printf(\"%d %d\\n\", $kv.0, $kv.1); } }",
        "BEGIN { printf(\"before\\n\"); @a[1] = 10; for ($kv : @a) { printf(\"%d\\n\", $kv.1); for ($b : @a) { printf(\"inner\\n\"); } } printf(\"after\\n\"); exit(); }",
        "BEGIN { @a[1] = 10; $sum = 0; $n = 0; for ($kv : @a) { $sum += $kv.1; $n++; if ($n > 5) { break; } } @r = ($sum, $n); }",
        "BEGIN { @t[1, \"a\"] = 5; for ($kv : @t) { if ($kv.0.0 == 1) { continue; } printf(\"%s\\n\", $kv.0.1); } }",
        "tracepoint:syscalls:sys_enter_getpid { @c[comm] = count(); @m[pid] = max(tid); @s = sum(1); for ($kv : @c) { @x = $kv.1; } for ($kv : @m) { @y = $kv.1; } for ($kv : @s) { @z = $kv.1; } }",
        "BEGIN { @a[1] = 1; for ($x : @a) { for ($y : @a) { @p[$x.0, $y.0] = $x.1 * $y.1; } } }",
        "tracepoint:syscalls:sys_enter_getpid { @a[tid] = 1; for ($kv : @a) { return; } @after = 1; }",
        "BEGIN { @a[1] = 1; @c[\"k\"] = count(); @n = len(@a) + len(@c); }",
        "BEGIN { @s[\"x\"] = \"a string value\"; for ($kv : @s) { printf(\"%s=%s\\n\", $kv.0, $kv.1); } }",
        "tracepoint:syscalls:sys_enter_read { @t = tseries(args.count, 1s, 10); @k[comm, tid] = tseries(args.count, 100ms, 50, \"sum\"); }",
        "tracepoint:syscalls:sys_enter_read { @a = tseries(args.count, 1s, 3, \"avg\"); @mn[cpu] = tseries((int32)args.fd, 1s, 3, \"min\"); @mx = tseries(args.count, 1s, 3, \"max\"); }",
    };

    [Theory]
    [MemberData(nameof(Scripts))]
    public void KernelVerifierAcceptsTheObject(string source)
    {
        var result = BpfEmitter.Emit(Compilation.Create(SyntaxTree.ParseText(source)), EmitOptions.Default with { VerifyIr = true });
        Assert.True(result.Success, DiagnosticFormatter.Format(result.Diagnostics));
        if (Environment.UserName != "root" || !File.Exists("/usr/sbin/bpftool"))
        {
            return; // the object is checked above; loading needs root (CI runs as root)
        }

        var load = KernelLoader.LoadAll(result.ObjectFile!);
        Assert.True(load.ExitCode == 0, load.Log);
    }
}
