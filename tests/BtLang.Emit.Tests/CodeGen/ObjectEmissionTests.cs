using BtLang.Diagnostics;
using BtLang.Emit.Btf;
using BtLang.Emit.Metadata;
using BtLang.Semantics;
using BtLang.Syntax;
using BtLang.Emit.Tests.Llvm;

namespace BtLang.Emit.Tests.CodeGen;

/// <summary>Scripts compile to objects with the expected programs, maps and metadata, and the kernel loads them.</summary>
public sealed class ObjectEmissionTests
{
    public static TheoryData<string> Scripts => new()
    {
        "BEGIN { printf(\"hello %d %s\\n\", 42, \"world\"); exit(); }",
        "tracepoint:syscalls:sys_enter_openat { @[comm] = count(); }",
        "tracepoint:syscalls:sys_enter_openat /comm == \"cat\"/ { @[pid, tid] = count(); @t = nsecs; }",
        "interval:s:1 { exit(); }",
        "tracepoint:syscalls:sys_enter_read { @start[tid] = nsecs; } tracepoint:syscalls:sys_exit_read /@start[tid]/ { @times = hist(nsecs - @start[tid]); delete(@start[tid]); }",
        "BEGIN { @a = avg(1); @b = min(2); @c = max(3); @d = stats(4); @e = sum(5); @f = lhist(6, 0, 100, 10); @g = hist(7, 2); }",
        "BEGIN { $x = 1; $x += 2; $x++; if ($x > 2) { @y = $x; } else if ($x == 0) { @y = 0; } else { @y = -1; } }",
        "BEGIN { @s[\"a\"] = 1; @s[comm] = 2; $t = (1, \"two\"); @tup[1, \"a\"] = 3; print($t); print(@s); clear(@s); zero(@tup); }",
        "BEGIN { unroll(3) { @i++; } for ($i : 0..10) { @j += $i; if ($i == 5) { break; } } }",
        "BEGIN { @x = 1 ? 2 : 3; @y = !1; @z = ~1; @w = -(1 << 3) % 5; @v = 1 && 0 || 1; @d = 7 / 0; }",
        "tracepoint:syscalls:sys_enter_openat { @[probe] = count(); printf(\"%s %d %u\\n\", comm, pid, uid); time(); }",
        "profile:hz:99 { @[kstack] = count(); } uprobe:/bin/bash:readline { @u[ustack] = count(); @f[func] = count(); }",
        "kprobe:do_sys_open { @[comm] = count(); @a = arg0; } kretprobe:do_sys_open { @r = hist(retval); }",
    };

    [Theory]
    [MemberData(nameof(Scripts))]
    public void EmitsAnObjectWithMetadata(string source)
    {
        var result = Emit(source);
        Assert.True(result.Success, DiagnosticFormatter.Format(result.Diagnostics));
        Assert.True(ElfSectionReader.TryReadSection(result.ObjectFile, ObjectMetadata.SectionName, out var json));
        var metadata = MetadataSerializer.Deserialize(json);
        Assert.Equal(result.Metadata!.Probes.Length, metadata.Probes.Length);
        Assert.Equal(result.Metadata.Maps.Select(m => m.Name), metadata.Maps.Select(m => m.Name));
        Assert.NotEmpty(metadata.Probes);
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void KernelLoadsTheObject(string source)
    {
        if (Environment.UserName != "root" || !File.Exists("/usr/sbin/bpftool"))
        {
            return; // covered as root in CI; the runtime tests say when they skip
        }

        if (source.Contains("kprobe", StringComparison.Ordinal))
        {
            return; // this kernel has no kprobes: the driver test checks the clear error instead
        }

        var result = Emit(source);
        Assert.True(result.Success, DiagnosticFormatter.Format(result.Diagnostics));
        var load = KernelLoader.LoadAll(result.ObjectFile!);
        Assert.True(load.ExitCode == 0, load.Log);
    }

    [Fact]
    public void ReportsVerificationOfIrWhenAsked()
    {
        var result = Emit("BEGIN { @x = 1; }", EmitOptions.Default with { VerifyIr = true, KeepIr = true });
        Assert.True(result.Success);
        Assert.Contains("define", result.LlvmIr);
    }

    private static EmitResult Emit(string source, EmitOptions? options = null) =>
        BpfEmitter.Emit(Compilation.Create(SyntaxTree.ParseText(source)), options);
}
