using System.Text;
using BtLang.Emit.Btf;
using BtLang.Emit.Llvm;

namespace BtLang.Emit.Tests.Llvm;

/// <summary>
/// Builds, with the LLVM layer's API only, the object the tests inspect: a tracepoint program that bumps a per-CPU
/// array counter and a per-pid hash counter and sends its pid through a ring buffer, plus a metadata section.
/// The same maps are declared in Fixtures/maps.bpf.c for clang (the BTF oracle).
/// </summary>
internal static class SampleObject
{
    public const string ProgramName = "btlt_getpid";
    public const string Section = "tracepoint/syscalls/sys_enter_getpid";
    public const string MetaText = "{\"version\":1,\"probes\":[\"tracepoint:syscalls:sys_enter_getpid\"]}";

    private const int MapLookupElem = 1;
    private const int MapUpdateElem = 2;
    private const int GetCurrentPidTgid = 14;
    private const int RingbufOutput = 130;

    public static LlvmModule Build(LlvmContext context)
    {
        LlvmModule module = context.CreateModule("sample");
        LlvmDebugInfo debug = module.EnableDebugInfo("sample.bt", "/tmp");

        LlvmMetadata u32 = debug.Integer(32, signed: false);
        LlvmMetadata u64 = debug.Integer(64, signed: false);
        LlvmValue counts = BtfMaps.Define(module, new BpfMapDefinition("counts", BpfMapType.PercpuArray, BtfMapSlot.OfType(u32), BtfMapSlot.OfType(u64), 1));
        LlvmValue byPid = BtfMaps.Define(module, new BpfMapDefinition("by_pid", BpfMapType.Hash, BtfMapSlot.OfType(u64), BtfMapSlot.OfType(u64), 1024));
        LlvmValue events = BtfMaps.Define(module, BpfMapDefinition.RingBuffer("events", 4096 * 16));
        BtfMaps.Define(module, BpfMapDefinition.StackTrace("stacks", 127, 4096));
        BtfMaps.Define(module, new BpfMapDefinition("lru", BpfMapType.LruPercpuHash, BtfMapSlot.OfSize(16), BtfMapSlot.OfSize(8), 128, MapFlags: 0));
        BpfPrograms.AddLicense(module);
        ObjectSections.AddDataSection(module, ".btlang.meta", "btlang_meta", Encoding.UTF8.GetBytes(MetaText));

        BpfProgram program = BpfPrograms.Define(module, ProgramName, Section, line: 1);
        using LlvmBuilder b = module.CreateBuilder();
        b.PositionAtEnd(program.Entry);
        b.SetLocation(1, 1, program.Subprogram);

        // counts[0]++ (per-CPU, so a plain load and store)
        LlvmValue key = b.Alloca(context.I32, "key");
        b.Store(context.ConstI32(0), key, 4);
        LlvmValue slot = b.CallHelper(MapLookupElem, context.Ptr, [counts, key], "slot");
        LlvmBlock bump = b.AppendBlock("bump");
        LlvmBlock perPid = b.AppendBlock("per_pid");
        b.CondBr(b.ICmp(LlvmIntPredicate.NotEqual, slot, context.Null), bump, perPid);
        b.PositionAtEnd(bump);
        b.SetLocation(2, 3, program.Subprogram);
        LlvmValue old = b.Load(context.I64, slot, 8, "old");
        b.Store(b.Add(old, context.ConstI64(1)), slot, 8);
        b.Br(perPid);

        // by_pid[pid]++ (lookup, else insert 1)
        b.PositionAtEnd(perPid);
        b.SetLocation(3, 3, program.Subprogram);
        LlvmValue pidTgid = b.CallHelper(GetCurrentPidTgid, context.I64, [], "pid_tgid");
        LlvmValue pid = b.LShr(pidTgid, context.ConstI64(32), "pid");
        LlvmValue pidKey = b.Alloca(context.I64, "pid_key");
        b.Store(pid, pidKey, 8);
        LlvmValue found = b.CallHelper(MapLookupElem, context.Ptr, [byPid, pidKey], "found");
        LlvmBlock increment = b.AppendBlock("increment");
        LlvmBlock insert = b.AppendBlock("insert");
        LlvmBlock send = b.AppendBlock("send");
        b.CondBr(b.ICmp(LlvmIntPredicate.Equal, found, context.Null), insert, increment);

        b.PositionAtEnd(increment);
        LlvmValue current = b.Load(context.I64, found, 8);
        b.Store(b.Add(current, context.ConstI64(1)), found, 8);
        b.Br(send);

        b.PositionAtEnd(insert);
        LlvmValue one = b.Alloca(context.I64, "one");
        b.Store(context.ConstI64(1), one, 8);
        b.CallHelper(MapUpdateElem, context.I64, [byPid, pidKey, one, context.ConstI64(0)]);
        b.Br(send);

        // ringbuf_output(&events, &pid, 8, 0)
        b.PositionAtEnd(send);
        b.SetLocation(4, 3, program.Subprogram);
        b.CallHelper(RingbufOutput, context.I64, [events, pidKey, context.ConstI64(8), context.ConstI64(0)]);
        b.Ret(context.ConstI32(0));
        return module;
    }
}
