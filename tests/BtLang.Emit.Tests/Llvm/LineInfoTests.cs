using BtLang.Emit.Btf;
using BtLang.Emit.Llvm;

namespace BtLang.Emit.Tests.Llvm;

/// <summary>Debug locations become BTF line info carrying the script's own lines.</summary>
public sealed class LineInfoTests
{
    private const string Script = "tracepoint:syscalls:sys_enter_getpid\n{\n  $x = nsecs;\n  @last = $x;\n}\n";

    private static byte[] EmitWithSource()
    {
        using var context = new LlvmContext();
        using LlvmModule module = context.CreateModule("lines");
        LlvmDebugInfo debug = module.EnableDebugInfo("stdin", sourceText: Script);
        BpfPrograms.AddLicense(module);
        LlvmValue last = BtfMaps.Define(module, new BpfMapDefinition("last", BpfMapType.Array, null, BtfMapSlot.OfType(debug.Integer(64, false)), 1));
        BpfProgram program = BpfPrograms.Define(module, "btlt_lines", "tracepoint/syscalls/sys_enter_getpid", line: 1);
        using LlvmBuilder b = module.CreateBuilder();
        b.PositionAtEnd(program.Entry);
        b.SetLocation(3, 3, program.Subprogram);
        LlvmValue now = b.CallHelper(5, context.I64, [], "now"); // bpf_ktime_get_ns
        b.SetLocation(4, 3, program.Subprogram);
        LlvmValue key = b.Alloca(context.I32, "key");
        b.Store(context.ConstI32(0), key, 4);
        LlvmValue value = b.Alloca(context.I64, "value");
        b.Store(now, value, 8);
        b.CallHelper(2, context.I64, [last, key, value, context.ConstI64(0)]);
        b.Ret(context.ConstI32(0));
        Assert.Null(module.Verify());
        LlvmEmitResult result = module.EmitObject();
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return result.ObjectBytes;
    }

    [Fact]
    public void Btf_string_table_holds_the_script_lines()
    {
        byte[] elf = EmitWithSource();
        Assert.True(ElfSectionReader.TryReadSection(elf, ".BTF", out byte[] btf));
        string strings = System.Text.Encoding.UTF8.GetString(btf);
        Assert.Contains("$x = nsecs;", strings);
        Assert.Contains("@last = $x;", strings);
    }

    [RootFact]
    public void Kernel_keeps_line_info_that_quotes_the_script()
    {
        KernelLoader.LoadResult load = KernelLoader.LoadAll(EmitWithSource(), "btlt_lines");
        Assert.True(load.ExitCode == 0, load.Log);
        Assert.Contains("; $x = nsecs;", load.Xlated);
        Assert.Contains("; @last = $x;", load.Xlated);
        Assert.Contains("line_num:4", load.Xlated);
    }
}
