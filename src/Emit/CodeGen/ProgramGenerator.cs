using BtLang.Semantics.ProbeCatalog.Providers;
using BtLang.Diagnostics;
using BtLang.Emit.Btf;
using BtLang.Emit.Llvm;
using BtLang.Emit.Metadata;
using BtLang.Semantics.Binding;
using BtLang.Semantics.Builtins;
using BtLang.Semantics.Symbols;
using BtLang.Semantics.Types;
using BtLang.Syntax;

namespace BtLang.Emit.CodeGen;

/// <summary>
/// Generates one BPF program for one probe. Values that do not fit an i64 live in a per-CPU scratch area (the BPF
/// stack is only 512 bytes): scratch variables get a fixed slot for the whole program, temporaries are reused
/// statement by statement.
/// </summary>
internal sealed partial class ProgramGenerator
{
    private readonly CodeGenerator _gen;
    private readonly BoundProbe _probe;
    private readonly string _name;
    private readonly string _section;
    private readonly int _probeNameIndex;
    private readonly LlvmContext _c;
    private readonly LlvmModule _m;
    private readonly Dictionary<int, LlvmValue> _variables = new();
    private readonly Stack<(LlvmBlock Break, LlvmBlock Continue)> _loops = new();
    private LlvmBuilder _b = null!;
    private LlvmBuilder _allocas = null!;
    private BpfProgram _program = null!;
    private LlvmBuilder _setup = null!;
    private LlvmValue? _scratchBase;
    private LlvmValue? _pidTgid;
    private LlvmBlock _setupFail;
    private LlvmBlock _return;
    private int _scratchOffset;
    private int _scratchHighWater;
    private int _permanentBytes;
    private readonly Dictionary<int, int> _variableOffsets = new();
    private readonly Dictionary<string, LlvmValue> _sharedSlots = new();

    public ProgramGenerator(CodeGenerator generator, BoundProbe probe, string name, string section, int probeNameIndex)
    {
        _gen = generator;
        _probe = probe;
        _name = name;
        _section = section;
        _probeNameIndex = probeNameIndex;
        _c = generator.Context;
        _m = generator.Module;
    }

    private LlvmType I64 => _c.I64;

    private LlvmType I32 => _c.I32;

    private LlvmType I8 => _c.I8;

    private LlvmType Ptr => _c.Ptr;

    public void Generate()
    {
        int line = LineOf(_probe.Syntax);
        _program = BpfPrograms.Define(_m, _name, _section, line);
        using var builder = _m.CreateBuilder();
        using var allocas = _m.CreateBuilder();
        using var setup = _m.CreateBuilder();
        _b = builder;
        _allocas = allocas;
        _setup = setup;

        _b.PositionAtEnd(_program.Entry);
        SetLocation(_probe.Syntax);
        // The setup block receives the scratch and config lookups on first use only (see Scratch, Config): a program
        // that needs neither makes no lookup at all. It jumps to the body once everything else is generated.
        var setupBlock = _m.AppendBlock(_program.Function, "setup");
        var jump = _b.Br(setupBlock);
        _allocas.PositionBefore(jump);
        _return = _m.AppendBlock(_program.Function, "return");
        _setupFail = _return;
        _setup.PositionAtEnd(setupBlock);
        _setup.SetLocation(_b.CurrentLocation);
        var body = _m.AppendBlock(_program.Function, "body");

        _b.PositionAtEnd(body);
        if (_probe.Provider is not (ProbeProviderKind.Begin or ProbeProviderKind.End))
        {
            if (_gen.Options.PidFilter)
            {
                // -p PID: every probe but BEGIN/END only fires for the target process. The pid is only fetched when
                // a target is set, so runs without -p pay one load and compare here, no helper call.
                var target = _b.Load(I64, _b.ByteOffset(Config, RuntimeConfig.TargetPidOffset), 8);
                var checkPid = _m.AppendBlock(_program.Function, "pid_check");
                var pidOk = _m.AppendBlock(_program.Function, "pid_ok");
                _b.CondBr(_b.ICmp(LlvmIntPredicate.NotEqual, target, _c.ConstI64(0)), checkPid, pidOk);
                _b.PositionAtEnd(checkPid);
                var pid = _b.LShr(Helper(BpfHelper.GetCurrentPidTgid, I64), _c.ConstI64(32));
                _b.CondBr(_b.ICmp(LlvmIntPredicate.NotEqual, target, pid), _return, pidOk);
                _b.PositionAtEnd(pidOk);
            }

            if (_gen.UsesExit)
            {
                // After exit() the probes stop producing events while user space winds down.
                var exiting = _b.Load(I64, _b.ByteOffset(Config, RuntimeConfig.ExitingOffset), 8);
                var go = _m.AppendBlock(_program.Function, "running");
                _b.CondBr(_b.ICmp(LlvmIntPredicate.NotEqual, exiting, _c.ConstI64(0)), _return, go);
                _b.PositionAtEnd(go);
            }
        }

        if (_probe.Provider == ProbeProviderKind.Iter)
        {
            EmitIteratorGuard();
        }

        CollectCacheableReads();
        if (_probe.Predicate is { } predicate)
        {
            SetLocation(predicate.Syntax);
            int mark = _scratchOffset;
            var condition = EmitCondition(predicate);
            _scratchOffset = mark;
            var pass = _m.AppendBlock(_program.Function, "predicate_true");
            _b.CondBr(condition, pass, _return);
            _b.PositionAtEnd(pass);
        }

        EmitBlock(_probe.Body);
        if (!_b.IsTerminated)
        {
            _b.Br(_return);
        }

        _b.PositionAtEnd(_return);
        _b.ClearLocation();
        _b.Ret(_c.ConstI32(0));

        _setup.Br(body);

        if (_scratchHighWater + _permanentBytes > CodeGenerator.ScratchSize)
        {
            _gen.Report(EmitDiagnostics.ScratchTooLarge, Location(_probe.Syntax), _scratchHighWater + _permanentBytes, CodeGenerator.ScratchSize);
        }
    }

    // ----- locations -----

    // A probe or macro of an imported script is located in that script's tree, not the main one.
    private SyntaxTree TreeOf(SyntaxNode node) => node.SyntaxTree ?? _gen.SyntaxTree;

    private int LineOf(SyntaxNode node) => TreeOf(node).Text.Lines.GetLinePosition(node.Span.Start).Line + 1;

    private void SetLocation(SyntaxNode node)
    {
        var position = TreeOf(node).Text.Lines.GetLinePosition(node.Span.Start);
        _b.SetLocation(position.Line + 1, position.Character + 1, _program.Subprogram);
    }

    private Location Location(SyntaxNode node) => TreeOf(node).GetLocation(node.Span);

    private void NotSupported(SyntaxNode node, string what) => _gen.Report(EmitDiagnostics.NotSupported, Location(node), what);

    // ----- memory -----

    /// <summary>A zero-initialised-on-request temporary of <paramref name="size"/> bytes in the scratch area.</summary>
    private LlvmValue Temp(int size)
    {
        int offset = _scratchOffset;
        _scratchOffset += MapLayout.Align8(Math.Max(size, 1));
        _scratchHighWater = Math.Max(_scratchHighWater, _scratchOffset);
        return _b.ByteOffset(Scratch, offset);
    }

    /// <summary>Largest size zeroed or copied inline; beyond it LLVM's BPF backend refuses memset/memcpy.</summary>
    private const int InlineMemoryLimit = 256;

    /// <summary>Zeroes memory: inline stores when small, else a failing probe read (which zero-fills its destination).</summary>
    private void ZeroMemory(LlvmValue pointer, ulong size)
    {
        if (size <= InlineMemoryLimit)
        {
            _b.Zero(pointer, size);
            return;
        }

        Helper(BpfHelper.ProbeReadKernel, I64, pointer, _c.ConstI32((int)size), _c.Null);
    }

    /// <summary>Copies memory: inline loads/stores when small, else one bpf_probe_read_kernel.</summary>
    private void CopyMemory(LlvmValue destination, LlvmValue source, LlvmValue size, uint sourceAlignment = 8, uint destinationAlignment = 8)
    {
        if (size.ConstantIntValue is ulong n && n <= InlineMemoryLimit)
        {
            // Scratch, map values and ring buffer records are 8-byte aligned: copy in words, not bytes.
            _b.Memcpy(destination, source, size, destinationAlignment, sourceAlignment);
            return;
        }

        Helper(BpfHelper.ProbeReadKernel, I64, destination, _b.Trunc(size, I32), source);
    }

    private LlvmValue ZeroedTemp(int size)
    {
        var temp = Temp(size);
        ZeroMemory(temp, (ulong)MapLayout.Align8(Math.Max(size, 1)));
        return temp;
    }

    /// <summary>An 8-byte aligned stack slot for small values the helpers need a pointer to.</summary>
    private LlvmValue StackSlot(LlvmType type, string name)
    {
        var slot = _allocas.Alloca(type, name);
        return slot;
    }

    /// <summary>
    /// One stack slot per name and program for a value that is stored and loaded back with nothing in between that
    /// could use the same slot (a map read's result, a helper's key). One alloca per use made LLVM's mem2reg (in
    /// SROA) quadratic: a probe of 3,000 map reads spent most of its compile time there.
    /// </summary>
    private LlvmValue SharedSlot(LlvmType type, string name)
    {
        if (!_sharedSlots.TryGetValue(name, out var slot))
        {
            slot = _allocas.Alloca(type, name);
            _sharedSlots[name] = slot;
        }

        return slot;
    }

    /// <summary>
    /// The slot of a scratch variable, made on first use: scalars on the stack, other values at a fixed place at the
    /// top of the scratch area (temporaries grow from the bottom and are reused statement by statement).
    /// </summary>
    private LlvmValue VariableSlot(VariableSymbol variable)
    {
        if (_variables.TryGetValue(variable.Id, out var slot))
        {
            return slot;
        }

        if (!IsScalar(variable.Type))
        {
            if (!_variableOffsets.TryGetValue(variable.Id, out int offset))
            {
                _permanentBytes += MapLayout.Align8(Math.Max(1, variable.Type.Size));
                offset = CodeGenerator.ScratchSize - _permanentBytes;
                _variableOffsets[variable.Id] = offset;
            }

            // Computed from the scratch base (set up in the entry path) wherever it is used.
            return _b.ByteOffset(Scratch, offset);
        }

        slot = StackSlot(I64, variable.Name.TrimStart('$'));
        _allocas.Store(_c.ConstI64(0), slot, 8);
        _variables[variable.Id] = slot;
        return slot;
    }

    private static bool IsScalar(BtType type) => type.Kind is TypeKind.Integer or TypeKind.Bool or TypeKind.Enum or TypeKind.Pointer
        or TypeKind.KernelSymbol or TypeKind.Timestamp or TypeKind.UserName or TypeKind.CgroupPath or TypeKind.ErrorText or TypeKind.ProbeName
        or TypeKind.KernelStack or TypeKind.Error or TypeKind.Void or TypeKind.None;

    /// <summary>Loads a value of <paramref name="type"/> stored at <paramref name="pointer"/>.</summary>
    private CgValue Load(LlvmValue pointer, BtType type)
    {
        if (!IsScalar(type))
        {
            return CgValue.Memory(pointer);
        }

        int size = Math.Max(1, Math.Min(8, type.Size));
        var raw = _b.Load(_c.Int(size * 8), pointer, (uint)Math.Min(size, 8));
        return CgValue.Scalar(Extend(raw, size, IsSigned(type)));
    }

    private LlvmValue Extend(LlvmValue value, int size, bool signed) =>
        size >= 8 ? value : signed ? _b.SExt(value, I64) : _b.ZExt(value, I64);

    private static bool IsSigned(BtType type) => type switch
    {
        IntegerType i => i.IsSigned,
        EnumType => true,
        _ => false,
    };

    /// <summary>
    /// Stores <paramref name="value"/> of type <paramref name="from"/> at <paramref name="destination"/> laid out as
    /// <paramref name="to"/> (integers truncate or extend, strings copy up to the smaller size, tuples by element).
    /// The destination must already be zeroed where <paramref name="to"/> is larger than <paramref name="from"/>.
    /// </summary>
    private void Store(CgValue value, BtType from, BtType to, LlvmValue destination)
    {
        if (IsScalar(to))
        {
            var scalar = value.IsMemory ? Load(value.Value, from).Value : value.Value;
            int size = Math.Max(1, Math.Min(8, to.Size));
            var narrowed = size >= 8 ? scalar : _b.Trunc(scalar, _c.Int(size * 8));
            _b.Store(narrowed, destination, (uint)size);
            return;
        }

        if (!value.IsMemory)
        {
            // A scalar stored into a memory-typed slot (e.g. an integer into an int8[8] cast): store its bytes.
            _b.Store(value.Value, destination, 8);
            return;
        }

        if (to is TupleType toTuple && from is TupleType fromTuple && toTuple.Elements.Length == fromTuple.Elements.Length)
        {
            for (int i = 0; i < toTuple.Elements.Length; i++)
            {
                var element = Load(_b.ByteOffset(value.Value, fromTuple.Offsets[i]), fromTuple.Elements[i]);
                Store(element, fromTuple.Elements[i], toTuple.Elements[i], _b.ByteOffset(destination, toTuple.Offsets[i]));
            }

            return;
        }

        int bytes = Math.Min(from.Size, to.Size);
        if (bytes > 0)
        {
            // Strings inside tuples and structs sit at any byte offset.
            CopyMemory(destination, value.Value, _c.ConstI64(bytes), sourceAlignment: 1, destinationAlignment: 1);
        }

        if (to is StringType toString && from is StringType fromString && fromString.Capacity > toString.Capacity)
        {
            // Truncated: keep the terminating NUL.
            _b.Store(_c.ConstI8(0), _b.ByteOffset(destination, toString.Capacity - 1), 1);
        }
    }

    /// <summary>Copies a value into fresh memory of its own type (for values that must outlive a map entry).</summary>
    private LlvmValue Materialize(CgValue value, BtType type)
    {
        var temp = ZeroedTemp(type.Size);
        Store(value, type, type, temp);
        return temp;
    }

    // ----- helpers -----

    private LlvmValue Helper(BpfHelper helper, LlvmType returnType, params LlvmValue[] arguments) =>
        _b.CallHelper((int)helper, returnType, arguments);

    /// <summary>
    /// bpf_get_current_pid_tgid, called once per run of the program (in the setup block, on first use): pid, tid
    /// and the stack keys all reuse it, since the task cannot change while the program runs.
    /// </summary>
    private LlvmValue PidTgid() => _pidTgid ??= _setup.CallHelper((int)BpfHelper.GetCurrentPidTgid, I64, []);

    private LlvmValue MapLookup(LlvmValue map, LlvmValue key) => Helper(BpfHelper.MapLookupElem, Ptr, map, key);

    private void MapUpdate(LlvmValue map, LlvmValue key, LlvmValue value, ulong flags = 0)
    {
        ForgetMapReads();
        Helper(BpfHelper.MapUpdateElem, I64, map, key, value, _c.ConstInt(I64, flags));
    }

    /// <summary>bpf_map_delete_elem; returns its result (0 when the element existed and was deleted).</summary>
    private LlvmValue MapDelete(LlvmValue map, LlvmValue key)
    {
        ForgetMapReads();
        return Helper(BpfHelper.MapDeleteElem, I64, map, key);
    }

    /// <summary>This CPU's scratch area; looked up in the setup block on first use.</summary>
    private LlvmValue Scratch => _scratchBase ??= LookupInSetup(_gen.Scratch, "scratch");

    /// <summary>The runtime config (the btl_config global): addressed directly, no lookup.</summary>
    private LlvmValue Config => _gen.Config;

    /// <summary>
    /// Looks up element 0 of a one-element array map in the setup block (which dominates the whole body) and
    /// returns from the program when it is missing. The kernel inlines array lookups, so this costs a few
    /// instructions, but only programs that use the map pay them.
    /// </summary>
    private LlvmValue LookupInSetup(LlvmValue map, string name)
    {
        var key = StackSlot(I32, name + "_key");
        _setup.Store(_c.ConstI32(0), key, 4);
        var value = _setup.CallHelper((int)BpfHelper.MapLookupElem, Ptr, [map, key]);
        var ok = _m.AppendBlock(_program.Function, name + "_ok");
        _setup.CondBr(_setup.ICmp(LlvmIntPredicate.Equal, value, _c.Null), _setupFail, ok);
        _setup.PositionAtEnd(ok);
        return value;
    }

    private LlvmBlock NewBlock(string name) => _m.AppendBlock(_program.Function, name);

    /// <summary>Emits <paramref name="then"/> only when <paramref name="condition"/> (i1) holds; continues after it.</summary>
    private void If(LlvmValue condition, Action then, string name = "if")
    {
        var thenBlock = NewBlock(name + "_then");
        var done = NewBlock(name + "_done");
        _b.CondBr(condition, thenBlock, done);
        _b.PositionAtEnd(thenBlock);
        then();
        if (!_b.IsTerminated)
        {
            _b.Br(done);
        }

        _b.PositionAtEnd(done);
    }

    /// <summary>i1 "value is non-zero" of a scalar.</summary>
    private LlvmValue IsTrue(LlvmValue scalar) => _b.ICmp(LlvmIntPredicate.NotEqual, scalar, _c.ConstI64(0));

    private LlvmValue ToI64(LlvmValue i1) => _b.ZExt(i1, I64);
}
