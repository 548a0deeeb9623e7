using BtLang.Emit.Btf;
using BtLang.Emit.Llvm;

namespace BtLang.Emit.Tests.Llvm;

/// <summary>Map values are 8-byte aligned; saying so lets -O2 copy them in 8-byte steps.</summary>
public sealed class HelperAlignmentTests
{
    [Fact]
    public void Copy_out_of_a_map_value_uses_8_byte_loads_after_optimisation()
    {
        using var context = new LlvmContext();
        using LlvmModule module = context.CreateModule("align");
        module.EnableDebugInfo("align.bt");
        BpfPrograms.AddLicense(module);
        LlvmValue map = BtfMaps.Define(module, new BpfMapDefinition("values", BpfMapType.Hash, BtfMapSlot.OfSize(8), BtfMapSlot.OfSize(32), 16));
        BpfProgram program = BpfPrograms.Define(module, "btlt_align", "tracepoint/syscalls/sys_enter_getpid");
        using LlvmBuilder b = module.CreateBuilder();
        b.PositionAtEnd(program.Entry);
        LlvmValue key = b.Alloca(context.I64, "key");
        b.Store(context.ConstI64(1), key, 8);
        LlvmValue value = b.CallHelper(1, context.Ptr, [map, key], "value");
        LlvmBlock copy = b.AppendBlock("copy");
        LlvmBlock done = b.AppendBlock("done");
        b.CondBr(b.ICmp(LlvmIntPredicate.NotEqual, value, context.Null), copy, done);
        b.PositionAtEnd(copy);
        LlvmValue local = b.Alloca(context.Array(context.I8, 32), "local");
        b.Memcpy(local, b.ByteOffset(value, 0), context.ConstI64(32)); // no alignment given
        b.CallHelper(130, context.I64, [map, local, context.ConstI64(32), context.ConstI64(0)]);
        b.Br(done);
        b.PositionAtEnd(done);
        b.Ret(context.ConstI32(0));

        Assert.Contains("call align 8 ptr inttoptr (i64 1 to ptr)", module.PrintToString());
        Assert.Null(module.Optimize());
        LlvmEmitResult result = module.EmitObject();
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        // 32 bytes in 8-byte steps: 4 loads and 4 stores plus the rest; byte copies would need 64.
        LlvmDiagnostic count = Assert.Single(result.Remarks);
        int instructions = int.Parse(count.Message.Split(' ')[^4], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(instructions < 40, count.Message);
    }
}
