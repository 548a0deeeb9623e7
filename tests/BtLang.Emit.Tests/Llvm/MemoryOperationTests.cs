using BtLang.Emit.Btf;
using BtLang.Emit.Llvm;

namespace BtLang.Emit.Tests.Llvm;

/// <summary>Long constant memset/memcpy (strings, scratch buffers) stay inline BPF code even after -O2.</summary>
public sealed class MemoryOperationTests
{
    private static LlvmEmitResult Emit(ulong length, bool copy, bool optimize)
    {
        using var context = new LlvmContext();
        using LlvmModule module = context.CreateModule("memory");
        module.EnableDebugInfo("memory.bt");
        BpfPrograms.AddLicense(module);
        LlvmValue scratch = BtfMaps.Define(module, new BpfMapDefinition("scratch", BpfMapType.PercpuArray, null, BtfMapSlot.OfSize(32768), 1));
        BpfProgram program = BpfPrograms.Define(module, "btlt_memory", "tracepoint/syscalls/sys_enter_getpid", line: 1);
        using LlvmBuilder b = module.CreateBuilder();
        b.PositionAtEnd(program.Entry);
        LlvmValue key = b.Alloca(context.I32, "key");
        b.Store(context.ConstI32(0), key, 4);
        LlvmValue buffer = b.CallHelper(1, context.Ptr, [scratch, key], "buffer");
        LlvmBlock use = b.AppendBlock("use");
        LlvmBlock done = b.AppendBlock("done");
        b.CondBr(b.ICmp(LlvmIntPredicate.NotEqual, buffer, context.Null), use, done);
        b.PositionAtEnd(use);
        if (copy)
        {
            b.Memcpy(b.ByteOffset(buffer, 16384), buffer, context.ConstInt(context.I64, length), 8, 8);
        }
        else
        {
            b.Zero(buffer, length);
        }

        b.Br(done);
        b.PositionAtEnd(done);
        b.Ret(context.ConstI32(0));
        Assert.Null(module.Verify());
        if (optimize)
        {
            Assert.Null(module.Optimize());
        }

        return module.EmitObject();
    }

    [Theory]
    [InlineData(1024UL, false)]
    [InlineData(32768UL, false)]
    [InlineData(3000UL, true)]
    [InlineData(16384UL, true)]
    public void Long_operations_are_split_into_inline_pieces(ulong length, bool copy)
    {
        foreach (bool optimize in new[] { false, true })
        {
            LlvmEmitResult result = Emit(length, copy, optimize);
            Assert.True(result.Success, string.Join("\n", result.Diagnostics));
            Assert.Contains(result.Remarks, r => r.Message.EndsWith("instructions in function", StringComparison.Ordinal));
        }
    }

    [RootFact]
    public void Zeroing_all_of_a_32_KiB_scratch_value_loads()
    {
        LlvmEmitResult result = Emit(32768, copy: false, optimize: true);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        KernelLoader.LoadResult load = KernelLoader.LoadAll(result.ObjectBytes, "btlt_memory");
        Assert.True(load.ExitCode == 0, load.Log);
    }
}
