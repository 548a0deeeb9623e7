using BtLang.Emit.Btf;
using BtLang.Emit.Llvm;

namespace BtLang.Emit.Tests.Llvm;

/// <summary>Atomic updates compile to BPF atomics; a verifier rejection quotes the script line that caused it.</summary>
public sealed class VerifierLogTests
{
    private const string Script = "tracepoint:syscalls:sys_enter_getpid\n{\n  @hits[pid] += 1;\n  @unsafe = *@hits[0];\n}\n";

    /// <summary>Line 3 adds atomically after a null check; line 4 dereferences a lookup result without one.</summary>
    private static byte[] Emit(bool checkNull, out string disassemblyHint)
    {
        using var context = new LlvmContext();
        using LlvmModule module = context.CreateModule("verifier");
        LlvmDebugInfo debug = module.EnableDebugInfo("stdin", sourceText: Script);
        BpfPrograms.AddLicense(module);
        LlvmMetadata u64 = debug.Integer(64, signed: false);
        LlvmValue hits = BtfMaps.Define(module, new BpfMapDefinition("hits", BpfMapType.Hash, BtfMapSlot.OfType(u64), BtfMapSlot.OfType(u64), 64));
        BpfProgram program = BpfPrograms.Define(module, "btlt_verify", "tracepoint/syscalls/sys_enter_getpid", line: 1);
        using LlvmBuilder b = module.CreateBuilder();
        b.PositionAtEnd(program.Entry);

        b.SetLocation(3, 3, program.Subprogram);
        LlvmValue key = b.Alloca(context.I64, "key");
        b.Store(b.LShr(b.CallHelper(14, context.I64, []), context.ConstI64(32)), key, 8);
        LlvmValue value = b.CallHelper(1, context.Ptr, [hits, key], "value");
        LlvmBlock add = b.AppendBlock("add");
        LlvmBlock next = b.AppendBlock("next");
        b.CondBr(b.ICmp(LlvmIntPredicate.NotEqual, value, context.Null), add, next);
        b.PositionAtEnd(add);
        b.AtomicRmw(LlvmAtomicOperation.Add, value, context.ConstI64(1));
        b.Br(next);

        b.PositionAtEnd(next);
        b.SetLocation(4, 3, program.Subprogram);
        b.Store(context.ConstI64(0), key, 8);
        LlvmValue zero = b.CallHelper(1, context.Ptr, [hits, key], "zero");
        if (checkNull)
        {
            LlvmBlock read = b.AppendBlock("read");
            LlvmBlock done = b.AppendBlock("done");
            b.CondBr(b.ICmp(LlvmIntPredicate.NotEqual, zero, context.Null), read, done);
            b.PositionAtEnd(read);
            b.Store(b.Load(context.I64, zero, 8), key, 8);
            b.Br(done);
            b.PositionAtEnd(done);
        }
        else
        {
            b.Store(b.Load(context.I64, zero, 8), key, 8);
        }

        b.Ret(context.ConstI32(0));
        Assert.Null(module.Verify());
        LlvmEmitResult result = module.EmitObject();
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        disassemblyHint = module.PrintToString();
        return result.ObjectBytes;
    }

    [Fact]
    public void Atomic_add_becomes_a_bpf_atomic_instruction()
    {
        byte[] elf = Emit(checkNull: true, out string ir);
        Assert.Contains("atomicrmw add ptr %value, i64 1 seq_cst", ir);
        string path = Path.Combine(Path.GetTempPath(), $"btlt_atomic_{Guid.NewGuid():N}.o");
        File.WriteAllBytes(path, elf);
        try
        {
            (int exit, string stdout, string stderr) = ToolRunner.Run("llvm-objdump-19", "-d", path);
            Assert.True(exit == 0, stderr);
            Assert.Matches(@"lock \*\(u64 \*\)\(r\d+ \+ 0x0\) \+= r\d+", stdout);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [RootFact]
    public void Checked_program_loads()
    {
        KernelLoader.LoadResult load = KernelLoader.LoadAll(Emit(checkNull: true, out _), "btlt_verify");
        Assert.True(load.ExitCode == 0, load.Log);
    }

    [RootFact]
    public void Verifier_rejection_quotes_the_script_line_and_number()
    {
        KernelLoader.LoadResult load = KernelLoader.LoadAll(Emit(checkNull: false, out _), "btlt_verify");
        Assert.NotEqual(0, load.ExitCode);
        Assert.Contains("invalid mem access 'map_value_or_null'", load.Log);
        Assert.Matches(@"; @unsafe = \*@hits\[0\]; @ stdin:4", load.Log);
    }
}
