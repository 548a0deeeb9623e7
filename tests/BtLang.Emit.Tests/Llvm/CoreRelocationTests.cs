using BtLang.Emit.Btf;
using BtLang.Emit.Llvm;

namespace BtLang.Emit.Tests.Llvm;

/// <summary>Kernel struct field reads through llvm.preserve.*.access.index become BTF field relocations.</summary>
public sealed class CoreRelocationTests
{
    private const int GetCurrentTask = 35;
    private const int ProbeReadKernel = 113;

    /// <summary>
    /// <c>curtask->pid</c> with a local <c>struct task_struct</c> that only knows <c>pid</c> at offset 0: libbpf
    /// must move the offset to the kernel's.
    /// </summary>
    private static byte[] EmitTaskPidReader(out string ir)
    {
        using var context = new LlvmContext();
        using LlvmModule module = context.CreateModule("core");
        LlvmDebugInfo debug = module.EnableDebugInfo("core.bt");
        BpfPrograms.AddLicense(module);
        LlvmMetadata pidMember = debug.Member("pid", debug.Int, 32, 0);
        LlvmMetadata commMember = debug.Member("comm", debug.ArrayType(debug.Integer(8, signed: true), 8, 16), 128, 32);
        LlvmMetadata taskDebug = debug.RelocatableStructType("task_struct", 160, [pidMember, commMember]);
        LlvmType taskType = context.NamedStruct("struct.task_struct", [context.I32, context.Array(context.I8, 16)]);

        BpfProgram program = BpfPrograms.Define(module, "btlt_core", "tracepoint/syscalls/sys_enter_getpid", line: 1);
        using LlvmBuilder b = module.CreateBuilder();
        b.PositionAtEnd(program.Entry);
        b.SetLocation(1, 1, program.Subprogram);
        LlvmValue task = b.IntToPtr(b.CallHelper(GetCurrentTask, context.I64, []), "task");
        LlvmValue pidAddress = b.PreserveStructAccess(taskType, task, 0, 0, taskDebug, "pid_address");
        LlvmValue pid = b.Alloca(context.I32, "pid");
        b.CallHelper(ProbeReadKernel, context.I64, [pid, context.ConstI32(4), pidAddress]);
        LlvmValue commAddress = b.PreserveStructAccess(taskType, task, 1, 1, taskDebug, "comm_address");
        LlvmValue comm = b.Alloca(context.Array(context.I8, 16), "comm");
        b.CallHelper(ProbeReadKernel, context.I64, [comm, context.ConstI32(16), commAddress]);
        b.Ret(b.Load(context.I32, pid, 4));

        ir = module.PrintToString();
        Assert.Null(module.Verify());
        LlvmEmitResult result = module.EmitObject();
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return result.ObjectBytes;
    }

    [Fact]
    public void Preserve_access_calls_carry_elementtype_and_access_index_metadata()
    {
        EmitTaskPidReader(out string ir);
        Assert.Contains("@llvm.preserve.struct.access.index.p0.p0(ptr elementtype(%struct.task_struct)", ir);
        Assert.Contains("!llvm.preserve.access.index", ir);
    }

    [Fact]
    public void Object_has_btf_ext_and_the_struct_in_btf()
    {
        byte[] elf = EmitTaskPidReader(out _);
        Assert.True(ElfSectionReader.TryReadSection(elf, ".BTF.ext", out byte[] ext));
        // btf_ext_header: magic 0xeb9f, version, flags, hdr_len, then func/line info and (at 24) core_relo_off/len.
        Assert.True(ext.Length >= 32);
        Assert.Equal(0xeb9f, BitConverter.ToUInt16(ext, 0));
        uint coreRelocationsLength = BitConverter.ToUInt32(ext, 28);
        Assert.True(coreRelocationsLength > 0, "no CO-RE relocations in .BTF.ext");
    }

    [RootFact]
    public void Libbpf_relocates_the_field_offsets_against_the_running_kernel()
    {
        KernelLoader.LoadResult load = KernelLoader.LoadAll(EmitTaskPidReader(out _), "btlt_core");
        Assert.True(load.ExitCode == 0, load.Log);
        Assert.Contains("struct task_struct.pid", load.Log);
        Assert.Contains("struct task_struct.comm", load.Log);
        Assert.Matches(@"patched insn #\d+ \(\w+/\w+\) imm 0 -> [1-9]\d*", load.Log);
    }
}
