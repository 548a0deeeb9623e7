using BtLang.Emit.Btf;
using BtLang.Emit.Llvm;

namespace BtLang.Emit.CodeGen;

/// <summary>
/// USDT arguments. libbpf's bpf_program__attach_usdt parses the probe's argument specs (ELF notes) in user space and
/// writes them to two maps the BPF object must define, with the names and layouts of libbpf's usdt.bpf.h: an array of
/// specs indexed by spec id, and a map from instruction pointer to spec id for kernels without BPF cookies. The spec
/// id arrives as the attach cookie; argN is then decoded from the spec: a constant, a register of pt_regs, or user
/// memory at a register plus an offset, narrowed to its size with sign or zero extension.
/// </summary>
internal sealed partial class ProgramGenerator
{
    /// <summary>The map name libbpf looks for (usdt.bpf.h).</summary>
    internal const string UsdtSpecsMapName = "__bpf_usdt_specs";

    /// <summary>The map name libbpf looks for (usdt.bpf.h).</summary>
    internal const string UsdtIpToSpecIdMapName = "__bpf_usdt_ip_to_spec_id";

    // usdt.bpf.h of libbpf 1.1.2: BPF_USDT_MAX_SPEC_CNT, BPF_USDT_MAX_IP_CNT, BPF_USDT_MAX_ARG_CNT.
    private const uint UsdtMaxSpecs = 256;
    private const uint UsdtMaxIps = 4 * UsdtMaxSpecs;
    private const int UsdtMaxArgs = 12;

    // struct __bpf_usdt_arg_spec { u64 val_off; enum arg_type (4 bytes); short reg_off; bool arg_signed; char arg_bitshift; }
    private const int UsdtArgSpecSize = 16;
    private const int UsdtArgTypeOffset = 8;
    private const int UsdtRegOffOffset = 12;
    private const int UsdtSignedOffset = 14;
    private const int UsdtBitshiftOffset = 15;

    // struct __bpf_usdt_spec { struct __bpf_usdt_arg_spec args[12]; u64 usdt_cookie; short arg_cnt; } (208 bytes)
    private const int UsdtArgCountOffset = UsdtMaxArgs * UsdtArgSpecSize + 8;
    private const uint UsdtSpecSize = UsdtMaxArgs * UsdtArgSpecSize + 16;

    // enum __bpf_usdt_arg_type
    private const int UsdtArgConst = 0;
    private const int UsdtArgReg = 1;

    // bpf_get_attach_cookie (not in BpfHelper yet).
    private const BpfHelper GetAttachCookie = (BpfHelper)174;

    /// <summary>
    /// The specs map, defined once per object with its companion. Every object with a usdt probe needs both, whether
    /// or not it reads arguments: libbpf refuses to attach USDT probes (ESRCH) without them.
    /// </summary>
    internal static LlvmValue DefineUsdtMaps(LlvmModule module)
    {
        var specs = module.GetGlobal(UsdtSpecsMapName);
        if (!specs.IsNull)
        {
            return specs;
        }

        specs = BtfMaps.Define(module, new BpfMapDefinition(UsdtSpecsMapName, BpfMapType.Array, null, BtfMapSlot.OfSize(UsdtSpecSize), UsdtMaxSpecs));
        BtfMaps.Define(module, new BpfMapDefinition(UsdtIpToSpecIdMapName, BpfMapType.Hash, BtfMapSlot.OfSize(8), BtfMapSlot.OfSize(4), UsdtMaxIps));
        return specs;
    }

    /// <summary>argN of a usdt probe: 0 when the probe has fewer arguments or its spec is missing.</summary>
    private LlvmValue EmitUsdtArgument(int n)
    {
        var specs = DefineUsdtMaps(_m);
        if (n >= UsdtMaxArgs)
        {
            return _c.ConstI64(0);
        }

        var result = StackSlot(I64, "usdt_arg");
        _b.Store(_c.ConstI64(0), result, 8);
        var key = StackSlot(I32, "usdt_spec_id");
        _b.Store(_b.Trunc(Helper(GetAttachCookie, I64, _program.Context), I32), key, 4);
        var spec = MapLookup(specs, key);

        var found = NewBlock("usdt_spec");
        var decode = NewBlock("usdt_decode");
        var done = NewBlock("usdt_done");
        _b.CondBr(_b.ICmp(LlvmIntPredicate.Equal, spec, _c.Null), done, found);

        _b.PositionAtEnd(found);
        var count = _b.SExt(_b.Load(_c.I16, _b.ByteOffset(spec, UsdtArgCountOffset), 2), I64);
        _b.CondBr(_b.ICmp(LlvmIntPredicate.SignedGreater, count, _c.ConstI64(n)), decode, done);

        _b.PositionAtEnd(decode);
        var argSpec = _b.ByteOffset(spec, n * UsdtArgSpecSize);
        var valOff = _b.Load(I64, argSpec, 8);
        var type = _b.Load(I32, _b.ByteOffset(argSpec, UsdtArgTypeOffset), 4);
        var regOff = _b.SExt(_b.Load(_c.I16, _b.ByteOffset(argSpec, UsdtRegOffOffset), 2), I64);
        var signed = _b.Load(I8, _b.ByteOffset(argSpec, UsdtSignedOffset), 1);
        var shift = _b.ZExt(_b.Load(I8, _b.ByteOffset(argSpec, UsdtBitshiftOffset), 1), I64);

        // The register (for a constant reg_off is 0: a harmless read of the first register).
        var register = StackSlot(I64, "usdt_reg");
        _b.Store(_c.ConstI64(0), register, 8);
        Helper(BpfHelper.ProbeReadKernel, I64, register, _c.ConstI32(8), _b.IntToPtr(_b.Add(_b.PtrToInt(_program.Context, I64), regOff)));
        var registerValue = _b.Load(I64, register, 8);

        // The memory at register + offset (read only for REG_DEREF).
        var memory = StackSlot(I64, "usdt_mem");
        _b.Store(_c.ConstI64(0), memory, 8);
        var deref = NewBlock("usdt_deref");
        var extend = NewBlock("usdt_extend");
        var isDeref = _b.ICmp(LlvmIntPredicate.UnsignedGreater, type, _c.ConstI32(UsdtArgReg));
        _b.CondBr(isDeref, deref, extend);
        _b.PositionAtEnd(deref);
        Helper(BpfHelper.ProbeReadUser, I64, memory, _c.ConstI32(8), _b.IntToPtr(_b.Add(registerValue, valOff)));
        _b.Br(extend);

        _b.PositionAtEnd(extend);
        var memoryValue = _b.Load(I64, memory, 8);
        var raw = _b.Select(_b.ICmp(LlvmIntPredicate.Equal, type, _c.ConstI32(UsdtArgConst)), valOff,
            _b.Select(_b.ICmp(LlvmIntPredicate.Equal, type, _c.ConstI32(UsdtArgReg)), registerValue, memoryValue));
        var shifted = _b.Shl(raw, shift);
        var value = _b.Select(_b.ICmp(LlvmIntPredicate.NotEqual, signed, _c.ConstI8(0)), _b.AShr(shifted, shift), _b.LShr(shifted, shift));
        _b.Store(value, result, 8);
        _b.Br(done);

        _b.PositionAtEnd(done);
        return _b.Load(I64, result, 8);
    }
}
