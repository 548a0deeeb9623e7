using BtLang.Diagnostics;
using BtLang.Semantics;
using BtLang.Syntax;
using BtLang.Emit.Tests.Llvm;

namespace BtLang.Emit.Tests.CodeGen;

/// <summary>The non-map language functions compile to objects the kernel's verifier accepts.</summary>
public sealed class LanguageFunctionEmissionTests
{
    public static TheoryData<string> Scripts => new()
    {
        "BEGIN { @a = strcontains(\"hello\", \"ll\"); @b = strcontains(comm, \"\"); $n = \"x\"; @c = strcontains(comm, $n); }",
        "tracepoint:syscalls:sys_enter_openat { @[strcontains(str(args.filename), \"/lib\")] = count(); }",
        "tracepoint:syscalls:sys_enter_openat { @[strcontains(str(args.filename), str(args.filename, 31))] = count(); }",
        "tracepoint:syscalls:sys_enter_openat { @[strcontains(str(args.filename, 255), str(args.filename, 127))] = count(); }",
        "tracepoint:syscalls:sys_enter_openat { @a[strcontains(str(args.filename, 255), str(args.filename, 127))] = count(); @b[strcontains(str(args.filename, 255), str(args.filename, 127))] = count(); $n = \"lib\"; @c = strcontains(comm, $n); }",
        "tracepoint:syscalls:sys_exit_openat { @[strerror(-args.ret)] = count(); printf(\"%s\\n\", strerror(2)); }",
        "tracepoint:syscalls:sys_enter_write* { @[probe, args.fd] = count(); }",
        "tracepoint:syscalls:sys_enter_recv* { @[args.flags] = count(); }",
        "tracepoint:syscalls:sys_enter_getpid { $x = 0x060504030201; @m[macaddr(&$x)] = count(); printf(\"%s %s\\n\", macaddr(\"ABCDEF\"), macaddr(curtask->comm)); }",
        "tracepoint:syscalls:sys_enter_getpid { @c[cgroup_path(cgroup)] = count(); printf(\"%s\\n\", cgroup_path(cgroup, \"unified\")); }",
        "tracepoint:syscalls:sys_enter_openat { $x = 1; $p = &$x; @v[1] = 2; $q = &@v[1]; $t = curtask; $r = &$t->pid; $a = &args.filename; @s = *$p + *$q + *$r + (*$a != 0); }",
        "watchpoint:0x10000000:8:w { @w = count(); unwatch(0x10000000); }",
        "iter:task { printf(\"%s %d\\n\", ctx.task.comm, ctx.task->pid); @n = count(); }",
        "iter:task_file /ctx.fd < 3/ { @files[ctx.task.pid, ctx.fd] = count(); }",
    };

    [Theory]
    [MemberData(nameof(Scripts))]
    public void KernelVerifierAcceptsTheObject(string source)
    {
        var result = Emit(source);
        Assert.True(result.Success, DiagnosticFormatter.Format(result.Diagnostics));
        if (Environment.UserName != "root" || !File.Exists("/usr/sbin/bpftool"))
        {
            return; // loading needs root; CI runs these as root
        }

        var load = KernelLoader.LoadAll(result.ObjectFile!);
        Assert.True(load.ExitCode == 0, load.Log);
    }

    [Fact]
    public void WildcardWithSeveralFormatsGetsOneProgramPerFormat()
    {
        var result = Emit("tracepoint:syscalls:sys_enter_recv* { @[args.flags] = count(); }");
        Assert.True(result.Success, DiagnosticFormatter.Format(result.Diagnostics));
        // recvfrom, recvmsg and recvmmsg have their flags at different offsets: three formats.
        Assert.Equal(3, result.Metadata!.Probes.Length);
    }

    [Fact]
    public void OverrideCompilesToTheOverrideReturnHelperInAKprobe()
    {
        // This kernel has no kprobes, so the object is inspected instead of attached.
        var result = Emit("kprobe:security_file_open { override(-1); }");
        Assert.True(result.Success, DiagnosticFormatter.Format(result.Diagnostics));
        Assert.StartsWith("kprobe/", Assert.Single(result.Metadata!.Probes).Section, StringComparison.Ordinal);
        string dir = Path.Combine(Path.GetTempPath(), "btlang-emit-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string obj = Path.Combine(dir, "x.o");
            File.WriteAllBytes(obj, result.ObjectFile!);
            var (code, disassembly, errors) = ToolRunner.Run("llvm-objdump-19", "-d", obj);
            Assert.True(code == 0, errors);
            Assert.Contains("call 0x3a", disassembly, StringComparison.Ordinal); // helper 58: bpf_override_return
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    internal static EmitResult Emit(string source) =>
        BpfEmitter.Emit(Compilation.Create(SyntaxTree.ParseText(source), CompilationOptions.Default with { AllowUnsafe = true }));
}
