using BtLang.Emit.Btf;
using BtLang.Emit.Llvm;

namespace BtLang.Emit.Tests.Llvm;

/// <summary>Every builder operation produces the IR it names, verifies, and compiles to BPF.</summary>
public sealed class InstructionTests
{
    [Fact]
    public void Every_instruction_kind_builds_verifies_prints_and_emits()
    {
        using var context = new LlvmContext();
        using LlvmModule module = context.CreateModule("all");
        LlvmDebugInfo debug = module.EnableDebugInfo("all.bt");
        BpfPrograms.AddLicense(module);
        BpfProgram program = BpfPrograms.Define(module, "btlt_all", "perf_event", line: 1);
        using LlvmBuilder b = module.CreateBuilder();
        b.PositionAtEnd(program.Entry);
        b.SetLocation(1, 1, program.Subprogram);

        LlvmType record = context.NamedStruct("record", [context.I64, context.I32, context.Array(context.I8, 16)]);
        Assert.Equal(32UL, module.SizeOf(record));
        Assert.Equal(8UL, module.OffsetOf(record, 1));
        Assert.Equal(12UL, module.OffsetOf(record, 2));

        LlvmValue slot = b.Alloca(record, "rec");
        b.Zero(slot, module.SizeOf(record));
        LlvmValue x = b.Load(context.I64, program.Context, 8, "x");
        LlvmValue y = b.Trunc(x, context.I32, "y");
        LlvmValue sum = b.Add(x, context.ConstI64(3), "sum").SetNoSignedWrap();
        LlvmValue math = b.Xor(b.Or(b.And(b.Mul(b.Sub(sum, x), x), x), b.Shl(x, context.ConstI64(2))), b.LShr(x, context.ConstI64(1)));
        LlvmValue math2 = b.AShr(b.Neg(math), context.ConstI64(3));
        LlvmValue divisor = b.Select(b.ICmp(LlvmIntPredicate.Equal, x, context.ConstI64(0)), context.ConstI64(1), x, "divisor");
        LlvmValue quotients = b.Add(b.Add(b.SDiv(math2, divisor), b.UDiv(math2, divisor)), b.Add(b.SRem(math2, divisor), b.URem(math2, divisor)));
        b.Store(b.Not(quotients), b.StructGep(record, slot, 0, "first"), 8);
        b.Store(y, b.StructGep(record, slot, 1), 4);
        LlvmValue bytes = b.InBoundsGep(record, slot, [context.ConstI32(0), context.ConstI32(2), context.ConstI32(3)], "byte3");
        b.Store(b.Trunc(x, context.I8), bytes, 1);
        b.Memcpy(b.ByteOffset(slot, 16), b.ByteOffset(slot, 0), context.ConstI64(8), 8, 8);
        LlvmValue wide = b.Add(b.ZExt(y, context.I64), b.SExt(y, context.I64));
        LlvmValue asInt = b.PtrToInt(slot, context.I64, "as_int");
        LlvmValue back = b.IntToPtr(asInt, "back");
        b.Store(b.IntCast(wide, context.I16, isSigned: true), back, 2);

        LlvmBlock low = b.AppendBlock("low");
        LlvmBlock high = b.AppendBlock("high");
        LlvmBlock other = b.AppendBlock("other");
        LlvmBlock join = b.AppendBlock("join");
        LlvmBlock entryEnd = b.InsertBlock;
        LlvmValue choice = b.Switch(b.URem(x, context.ConstI64(4)), other, 2);
        choice.AddCase(context.ConstI64(0), low);
        choice.AddCase(context.ConstI64(1), high);
        b.PositionAtEnd(low);
        b.Br(join);
        b.PositionAtEnd(high);
        b.CondBr(b.ICmp(LlvmIntPredicate.SignedLess, x, context.ConstI64(-5)), join, other);
        b.PositionAtEnd(other);
        b.Br(join);
        b.PositionAtEnd(join);
        LlvmValue phi = b.Phi(context.I32, "result");
        phi.AddIncoming([context.ConstI32(1), context.ConstI32(2), context.ConstI32(3)], [low, high, other]);
        Assert.False(b.IsTerminated);
        b.Ret(phi);
        Assert.True(b.IsTerminated);
        Assert.NotEqual(entryEnd, join);

        Assert.Null(module.Verify());
        string ir = module.PrintToString();
        foreach (string expected in new[]
        {
            "alloca %record, align 8", "call void @llvm.memset.p0.i64(ptr align 8 %rec", "add nsw i64 %x, 3", "sdiv", "udiv", "srem", "urem", "ashr", "lshr", "shl",
            "switch i64", "phi i32 [ 1, %low ], [ 2, %high ], [ 3, %other ]", "select i1", "icmp slt i64 %x, -5", "getelementptr inbounds %record",
            "call void @llvm.memcpy.p0.p0.i64", "ptrtoint", "inttoptr", "zext i32", "sext i32", "trunc i64", "section \"perf_event\"", "nounwind",
            "@llvm.used = appending global", "!DILocalVariable(name: \"ctx\", arg: 1",
        })
        {
            Assert.Contains(expected, ir);
        }

        Assert.Null(module.Optimize());
        Assert.Null(module.Verify());
        LlvmEmitResult result = module.EmitObject();
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        Assert.Contains("perf_event", ElfSectionReader.SectionNames(result.ObjectBytes));
    }

    [Fact]
    public void Intrinsics_are_declared_by_name_with_their_overloads()
    {
        using var context = new LlvmContext();
        using LlvmModule module = context.CreateModule("intrinsics");
        LlvmCallee pseudo = module.GetIntrinsic("llvm.bpf.pseudo");
        Assert.Equal("llvm.bpf.pseudo", pseudo.Function.Name);
        Assert.Equal("i64 (i64, i64)", pseudo.FunctionType.Print());
        LlvmCallee memset = module.GetIntrinsic("llvm.memset", context.Ptr, context.I64);
        Assert.Equal("llvm.memset.p0.i64", memset.Function.Name);
        Assert.Throws<ArgumentException>(() => module.GetIntrinsic("llvm.no.such.thing"));
    }

    [Fact]
    public void Helper_callee_is_an_inttoptr_of_the_helper_id()
    {
        using var context = new LlvmContext();
        using LlvmModule module = context.CreateModule("helpers");
        LlvmCallee helper = module.Helper(14, context.I64);
        Assert.Equal("ptr inttoptr (i64 14 to ptr)", helper.Function.Print());
        Assert.Equal("i64 ()", helper.FunctionType.Print());
    }

    [Fact]
    public void Constants_and_globals_print_as_expected()
    {
        using var context = new LlvmContext();
        using LlvmModule module = context.CreateModule("constants");
        LlvmValue text = module.AddConstantData("fmt", "hi\0"u8);
        Assert.Equal("fmt", text.Name);
        LlvmValue pair = context.ConstStruct([context.ConstI32(-1), context.ConstI64(long.MaxValue)]);
        LlvmValue global = module.AddGlobal(pair.Type, "pair").SetInitializer(pair).SetLinkage(LlvmLinkage.Internal).SetAlignment(8).SetSection(".data.pair");
        LlvmType named = context.NamedStruct("named");
        context.SetStructBody(named, [context.I8, context.I8], packed: true);
        module.AddGlobal(named, "packed").SetInitializer(context.ConstNamedStruct(named, [context.ConstI8(1), context.ConstI8(-1)]));
        module.AddGlobal(context.Array(context.I16, 2), "arr").SetInitializer(context.ConstArray(context.I16, [context.ConstI16(7), context.ConstI16(8)]));
        Assert.Equal(global, module.GetGlobal("pair"));
        Assert.True(module.GetGlobal("absent").IsNull);
        Assert.Equal((ulong)uint.MaxValue, context.ConstI32(-1).ConstantIntValue);

        string ir = module.PrintToString();
        Assert.Contains("@fmt = private constant [3 x i8] c\"hi\\00\", align 1", ir);
        Assert.Contains("@pair = internal global { i32, i64 } { i32 -1, i64 9223372036854775807 }, section \".data.pair\", align 8", ir);
        Assert.Contains("%named = type <{ i8, i8 }>", ir);
        Assert.Contains("@packed = global %named <{ i8 1, i8 -1 }>", ir);
        Assert.Contains("@arr = global [2 x i16] [i16 7, i16 8]", ir);
        Assert.Null(module.Verify());
    }

    [Fact]
    public void Debug_types_of_every_kind_reach_btf()
    {
        using var context = new LlvmContext();
        using LlvmModule module = context.CreateModule("types");
        LlvmDebugInfo debug = module.EnableDebugInfo("types.bt");
        LlvmMetadata u8 = debug.Integer(8, signed: false);
        LlvmMetadata s64 = debug.Integer(64, signed: true);
        LlvmMetadata grid = debug.ArrayType(u8, 8, 2, 3);
        LlvmMetadata color = debug.EnumType("color", 32, [debug.Enumerator("RED", 0), debug.Enumerator("GREEN", 1)], debug.Integer(32, false));
        LlvmMetadata inner = debug.UnionType("either", 64, [debug.Member("a", s64, 64, 0), debug.Member("b", grid, 48, 0)]);
        LlvmMetadata outer = debug.StructType("value_t", 192, [
            debug.Member("count", debug.Typedef(s64, "count_t"), 64, 0),
            debug.Member("color", debug.Const(color), 32, 64),
            debug.Member("either", inner, 64, 128),
        ]);
        BtfMaps.Define(module, new BpfMapDefinition("values", BpfMapType.PercpuHash, BtfMapSlot.OfType(debug.Bool), BtfMapSlot.OfType(outer), 8));
        BpfPrograms.AddLicense(module);
        BpfProgram program = BpfPrograms.Define(module, "btlt_types", "uprobe", line: 1);
        using LlvmBuilder b = module.CreateBuilder();
        b.PositionAtEnd(program.Entry);
        b.Ret(context.ConstI32(0));
        LlvmEmitResult result = module.EmitObject();
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));

        string path = Path.Combine(Path.GetTempPath(), $"btlt_types_{Guid.NewGuid():N}.o");
        File.WriteAllBytes(path, result.ObjectBytes);
        try
        {
            (int exit, string dump, string stderr) = ToolRunner.Run("bpftool", "btf", "dump", "file", path);
            Assert.True(exit == 0, stderr);
            Assert.Equal(
                "values: struct size=32 { type: *int[5] @0; max_entries: *int[8] @64; key: *_Bool @128; value: *struct value_t size=24 { count: long @0; color: enum color @64; either: union either size=8 { a: long @0; b: unsigned char[3][2] @0; } @128; } @192; }",
                Assert.Single(new BtfDump(dump).DescribeMaps()));
            Assert.Contains("ENUM 'color' encoding=UNSIGNED size=4 vlen=2", dump);
            Assert.Contains("TYPEDEF 'count_t'", dump);
            Assert.Contains("CONST '(anon)'", dump);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
