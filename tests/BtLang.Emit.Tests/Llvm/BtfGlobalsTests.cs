using BtLang.Emit.Btf;
using BtLang.Emit.Llvm;

namespace BtLang.Emit.Tests.Llvm;

/// <summary>Globals in .bss/.data.NAME/.rodata become DATASECs that libbpf maps and the kernel accepts.</summary>
public sealed class BtfGlobalsTests
{
    private static byte[] Emit(out string btf)
    {
        using var context = new LlvmContext();
        using LlvmModule module = context.CreateModule("globals");
        LlvmDebugInfo debug = module.EnableDebugInfo("globals.bt");
        BpfPrograms.AddLicense(module);
        LlvmMetadata u64 = debug.Integer(64, signed: false);
        LlvmType scratchType = context.Array(context.Array(context.I8, 64), 4);
        LlvmValue scratch = BtfGlobals.Define(module, "btl_scratch", scratchType, debug.ArrayType(debug.Integer(8, false), 8, 4, 64), ".data.scratch");
        LlvmValue maxCpu = BtfGlobals.Define(module, "btl_max_cpu", context.I64, u64, ".rodata", context.ConstI64(3));
        LlvmValue counter = BtfGlobals.Define(module, "btl_counter", context.I64, u64, ".bss");
        BpfProgram program = BpfPrograms.Define(module, "btlt_globals", "tracepoint/syscalls/sys_enter_getpid", line: 1);
        using LlvmBuilder b = module.CreateBuilder();
        b.PositionAtEnd(program.Entry);
        // scratch[cpu & max_cpu][0..8] = counter++
        LlvmValue cpu = b.And(b.CallHelper(8, context.I64, []), b.Load(context.I64, maxCpu, 8), "cpu");
        LlvmValue old = b.AtomicRmw(LlvmAtomicOperation.Add, counter, context.ConstI64(1));
        LlvmValue row = b.InBoundsGep(scratchType, scratch, [context.ConstI64(0), cpu, context.ConstI64(0)], "row");
        b.Store(old, row, 1);
        b.Ret(context.ConstI32(0));
        Assert.Null(module.Verify());
        Assert.Null(module.Optimize());
        Assert.Contains("load i64, ptr @btl_max_cpu", module.PrintToString());
        LlvmEmitResult result = module.EmitObject();
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));

        string path = Path.Combine(Path.GetTempPath(), $"btlt_globals_{Guid.NewGuid():N}.o");
        File.WriteAllBytes(path, result.ObjectBytes);
        try
        {
            btf = ToolRunner.Run("bpftool", "btf", "dump", "file", path).Stdout;
        }
        finally
        {
            File.Delete(path);
        }

        return result.ObjectBytes;
    }

    [Fact]
    public void Each_section_is_a_datasec_with_its_variable()
    {
        Emit(out string btf);
        Assert.Contains("DATASEC '.data.scratch' size=0 vlen=1", btf);
        Assert.Contains("DATASEC '.rodata' size=0 vlen=1", btf);
        Assert.Contains("DATASEC '.bss' size=0 vlen=1", btf);
        Assert.Contains("VAR 'btl_scratch'", btf);
        Assert.Contains("VAR 'btl_max_cpu'", btf);
        Assert.Contains("VAR 'btl_counter'", btf);
    }

    [RootFact]
    public void Libbpf_creates_the_internal_maps_and_the_program_loads()
    {
        KernelLoader.LoadResult load = KernelLoader.LoadAll(Emit(out _), "btlt_globals");
        Assert.True(load.ExitCode == 0, load.Log);
        Assert.Contains(".data.scratch", load.Log);
        Assert.Contains(".rodata", load.Log);
        Assert.Contains(".bss", load.Log);
        Assert.DoesNotContain("BTF is optional", load.Log);
    }
}
