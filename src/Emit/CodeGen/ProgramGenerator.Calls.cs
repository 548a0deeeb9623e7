using BtLang.Semantics.ProbeCatalog.Providers;
using System.Collections.Immutable;
using BtLang.Emit.Llvm;
using BtLang.Emit.Metadata;
using BtLang.Semantics.Binding;
using BtLang.Semantics.Builtins;
using BtLang.Semantics.Types;

namespace BtLang.Emit.CodeGen;

internal sealed partial class ProgramGenerator
{
    private const int EventHeaderSize = 8;

    private CgValue EmitCall(BoundCall call)
    {
        switch (call.Function)
        {
            case Binder.ExternCallFunction:
                return EmitExternCall(call);
            case "printf":
                EmitFormatEvent(call, EventKind.Printf);
                return Void();
            case "system":
                EmitFormatEvent(call, EventKind.System);
                return Void();
            case "cat":
                EmitFormatEvent(call, EventKind.Cat);
                return Void();
            case "print":
                EmitFormatEvent(call, EventKind.PrintValue);
                return Void();
            case "print_map":
                EmitPrintMap(call);
                return Void();
            case "print_map_entry":
                EmitPrintMapEntry(call);
                return Void();
            case "time":
                int timeId = _gen.AddFormat(new FormatMetadata { Kind = EventKind.Time, Format = call.Text ?? "%H:%M:%S\n", Arguments = EmptyTuple, Location = LocationText(call) });
                EmitEvent(EventKind.Time, timeId, 0, _ => { });
                return Void();
            case "exit":
                var code = call.Arguments.IsEmpty ? _c.ConstI64(0) : EmitScalar(call.Arguments[0]);
                _b.Store(code, _b.ByteOffset(Config, RuntimeConfig.ExitCodeOffset), 8);
                _b.Store(_c.ConstI64(1), _b.ByteOffset(Config, RuntimeConfig.ExitingOffset), 8);
                EmitEvent(EventKind.Exit, 0, 8, payload => _b.Store(code, payload, 8));
                // As in bpftrace, exit() also leaves the probe: the statements after it do not run.
                _b.Br(_return);
                return Void();
            case "clear":
            case "zero":
                ForgetMapReads();
                EmitEvent(call.Function == "clear" ? EventKind.Clear : EventKind.Zero, _gen.Maps[call.Text!].Index, 0, _ => { });
                return Void();
            case "len":
                return EmitLen(call);
            case "delete":
                return CgValue.Scalar(EmitDeleteValue(call));
            case "has_key":
                var layout = _gen.Maps[call.Text!];
                if (layout.BucketInKey)
                {
                    return CgValue.Scalar(EmitBucketedHasKey(layout, call.Arguments[0]));
                }

                var key = BuildKey(layout, call.Arguments[0], null);
                return CgValue.Scalar(ToI64(_b.ICmp(LlvmIntPredicate.NotEqual, MapLookup(layout.Global, key), _c.Null)));
            case "str":
                return EmitStr(call);
            case "buf":
                return EmitBuf(call);
            case "ksym":
                return CgValue.Scalar(EmitScalar(call.Arguments[0]));
            case "usym":
                var symbol = ZeroedTemp(16);
                _b.Store(EmitScalar(call.Arguments[0]), symbol, 8);
                _b.Store(_b.Trunc(_b.LShr(PidTgid(), _c.ConstI64(32)), I32), _b.ByteOffset(symbol, 8), 4);
                return CgValue.Memory(symbol);
            case "kaddr":
                return CompileTimeAddress(call, _gen.Options.ResolveKernelSymbol?.Invoke(call.Text ?? string.Empty), "kernel symbol: it is not in /proc/kallsyms (a kernel built without CONFIG_KALLSYMS_ALL lists no variables there, and BTF has no addresses)");
            case "uaddr":
                string target = _probe.AttachPoints.FirstOrDefault()?.Target ?? string.Empty;
                return CompileTimeAddress(call, ProviderFacts.IsUserProbe(_probe.Provider) ? _gen.Options.ResolveUserSymbol?.Invoke(target, call.Text ?? string.Empty) : null, "user symbol (uaddr needs a uprobe or usdt probe)");
            case "cgroupid":
                return CompileTimeAddress(call, _gen.Options.ResolveCgroupId?.Invoke(call.Text ?? string.Empty), "cgroup path");
            case "ntop":
                return EmitNtop(call);
            case "strncmp":
                int limit = int.Parse(call.Text!, System.Globalization.CultureInfo.InvariantCulture);
                return CgValue.Scalar(ToI64(_b.Not(EmitBoundedStringEquals(call.Arguments[0], call.Arguments[1], limit))));
            case "strcontains":
                return EmitStrContains(call);
            case "strerror":
            case "cgroup_path":
                return CgValue.Scalar(EmitScalar(call.Arguments[0]));
            case "macaddr":
                return EmitMacAddress(call);
            case "override":
                return EmitOverride(call);
            case "unwatch":
                return EmitUnwatch(call);
            case "join":
                EmitJoin(call);
                return Void();
            case "signal":
                Helper(BpfHelper.SendSignal, I64, _b.Trunc(EmitScalar(call.Arguments[0]), I32));
                return Void();
            case "strftime":
                return CgValue.Scalar(EmitScalar(call.Arguments[0]));
            case "bswap":
                return EmitBswap(call);
            case "uptr":
            case "kptr":
                return CgValue.Scalar(EmitScalar(call.Arguments[0]));
            case "reg":
                return EmitRegister(call);
            default:
                NotSupported(call.Syntax, call.Function + "()");
                return IsScalar(call.Type) ? CgValue.Scalar(_c.ConstI64(0)) : CgValue.Memory(ZeroedTemp(call.Type.Size));
        }
    }

    private CgValue Void() => CgValue.Scalar(_c.ConstI64(0));

    private static RuntimeType EmptyTuple { get; } = new() { Kind = RuntimeTypeKind.Tuple, Size = 0 };

    private string LocationText(BoundNode node)
    {
        var location = Location(node.Syntax);
        var span = location.GetLineSpan();
        return $"{location.Path}:{span.Start.Line + 1}:{span.Start.Character + 1}-{span.End.Character + 1}";
    }

    /// <summary>The runtime type of one printed argument; strftime carries its format and cgroup_path its filter in the type.</summary>
    private RuntimeType ArgumentRuntimeType(BoundExpression argument, BtType storedAs) => argument switch
    {
        BoundCall { Function: "strftime", Text: { } format } => new RuntimeType { Kind = RuntimeTypeKind.Timestamp, Size = 8, Name = format },
        BoundCall { Function: "cgroup_path", Text: { } filter } => new RuntimeType { Kind = RuntimeTypeKind.CgroupPath, Size = 8, Name = filter },
        _ => _gen.ToRuntimeType(storedAs),
    };

    /// <summary>printf/system/cat/print(value): the arguments go to user space as one tuple after the event header.</summary>
    /// <summary>
    /// A call of a global function of an imported BPF C file: a BPF-to-BPF call of an external function the driver's
    /// static link resolves. Arguments are converted to the C parameters' widths; the result is widened to 64 bits.
    /// </summary>
    private CgValue EmitExternCall(BoundCall call)
    {
        var (callee, function) = _gen.ExternFunction(call.Text!);
        var arguments = new LlvmValue[call.Arguments.Length];
        for (int i = 0; i < arguments.Length; i++)
        {
            var argument = call.Arguments[i];
            bool signed = argument.Type is IntegerType { IsSigned: true };
            var value = _b.IntCast(EmitScalar(argument), I64, signed);
            arguments[i] = _b.IntCast(value, _c.Int(function.Parameters[i].Bits), function.Parameters[i].IsSigned);
        }

        var result = _b.Call(callee, arguments);
        ForgetMapReads();
        return function.ReturnType is { } type ? CgValue.Scalar(_b.IntCast(result, I64, type.IsSigned)) : Void();
    }

    private void EmitFormatEvent(BoundCall call, EventKind kind)
    {
        var arguments = call.Arguments;
        var stored = arguments.Select(a => TypeFacts.Widen(a.Type)).ToImmutableArray();
        var tuple = new TupleType(stored);
        var runtime = new RuntimeType
        {
            Kind = RuntimeTypeKind.Tuple,
            Size = tuple.Size,
            Fields = arguments.Select((a, i) => new RuntimeField(i.ToString(System.Globalization.CultureInfo.InvariantCulture), tuple.Offsets[i], ArgumentRuntimeType(a, stored[i]))).ToImmutableArray(),
        };
        int id = _gen.AddFormat(new FormatMetadata { Kind = kind, Format = call.Text ?? string.Empty, Arguments = runtime, Location = LocationText(call) });

        // Evaluate the arguments before reserving ring buffer space: a reservation must not be held across
        // helper calls that may fail, and evaluation may itself need scratch memory.
        var values = arguments.Select(EmitExpression).ToArray();
        EmitEvent(kind, id, tuple.Size, payload =>
        {
            for (int i = 0; i < values.Length; i++)
            {
                Store(values[i], arguments[i].Type, stored[i], _b.ByteOffset(payload, tuple.Offsets[i]));
            }
        });
    }

    private void EmitPrintMap(BoundCall call)
    {
        var layout = _gen.Maps[call.Text!];
        var top = call.Arguments.Length > 0 ? EmitScalar(call.Arguments[0]) : _c.ConstI64(0);
        var div = call.Arguments.Length > 1 ? EmitScalar(call.Arguments[1]) : _c.ConstI64(0);
        EmitEvent(EventKind.PrintMap, layout.Index, 16, payload =>
        {
            _b.Store(top, payload, 8);
            _b.Store(div, _b.ByteOffset(payload, 8), 8);
        });
    }

    /// <summary><c>print(@m[k])</c> of an aggregation map: the script key goes to user space, which reads the element.</summary>
    private void EmitPrintMapEntry(BoundCall call)
    {
        var layout = _gen.Maps[call.Text!];
        var key = BuildKey(layout, call.Arguments[0], null);
        int size = layout.ScriptKeySize;
        EmitEvent(EventKind.PrintMapEntry, layout.Index, size, payload => CopyMemory(payload, key, _c.ConstI64(size)));
    }

    /// <summary>Events up to this size are built on the stack and copied with one bpf_ringbuf_output call.</summary>
    private const int StackEventLimit = 64;

    /// <summary>
    /// Sends an event of header + <paramref name="payloadSize"/> bytes to the ring buffer: small ones are built in a
    /// stack slot and copied with one bpf_ringbuf_output (one helper call, shorter code), bigger ones reserved,
    /// filled in place and submitted. When the buffer is full the event is counted in the lost-events global.
    /// </summary>
    private void EmitEvent(EventKind kind, int id, int payloadSize, Action<LlvmValue> fill)
    {
        int size = EventHeaderSize + MapLayout.Align8(payloadSize);
        var lost = NewBlock("event_lost");
        var done = NewBlock("event_done");
        if (size <= StackEventLimit)
        {
            var slot = SharedSlot(_c.Array(I64, StackEventLimit / 8), "event");
            FillEvent(slot, kind, id, payloadSize, fill);
            var error = Helper(BpfHelper.RingbufOutput, I64, _gen.RingBuffer, slot, _c.ConstI64(size), _c.ConstI64(0));
            _b.CondBr(_b.ICmp(LlvmIntPredicate.Equal, error, _c.ConstI64(0)), done, lost);
        }
        else
        {
            var record = Helper(BpfHelper.RingbufReserve, Ptr, _gen.RingBuffer, _c.ConstI64(size), _c.ConstI64(0));
            var reserved = NewBlock("event_reserved");
            _b.CondBr(_b.ICmp(LlvmIntPredicate.NotEqual, record, _c.Null), reserved, lost);

            _b.PositionAtEnd(reserved);
            FillEvent(record, kind, id, payloadSize, fill);
            Helper(BpfHelper.RingbufSubmit, _c.Void, record, _c.ConstI64(0));
            _b.Br(done);
        }

        _b.PositionAtEnd(lost);
        _b.AtomicRmw(LlvmAtomicOperation.Add, _gen.LostEvents, _c.ConstI64(1));
        _b.Br(done);

        _b.PositionAtEnd(done);
    }

    private void FillEvent(LlvmValue record, EventKind kind, int id, int payloadSize, Action<LlvmValue> fill)
    {
        _b.Store(_c.ConstI32((int)kind), record, 4);
        _b.Store(_c.ConstI32(id), _b.ByteOffset(record, 4), 4);
        if (payloadSize > 0)
        {
            var payload = _b.ByteOffset(record, EventHeaderSize);
            ZeroMemory(payload, (ulong)MapLayout.Align8(payloadSize));
            fill(payload);
        }
    }

    private const int JoinArguments = 16;
    private const int JoinArgumentSize = 256;

    /// <summary>
    /// join(argv [, sep]): reads up to 16 strings from a NULL-terminated array of user string pointers (like
    /// execve's argv) into one event; user space joins them with the separator, stopping at the first empty one.
    /// </summary>
    private void EmitJoin(BoundCall call)
    {
        var element = new StringType(JoinArgumentSize);
        var tuple = new TupleType(Enumerable.Repeat<BtType>(element, JoinArguments).ToImmutableArray());
        int id = _gen.AddFormat(new FormatMetadata { Kind = EventKind.Join, Format = call.Text ?? " ", Arguments = _gen.ToRuntimeType(tuple), Location = LocationText(call) });
        var array = EmitScalar(call.Arguments[0]);
        var pointer = StackSlot(I64, "join_arg");
        EmitEvent(EventKind.Join, id, tuple.Size, payload =>
        {
            var done = NewBlock("join_done");
            for (int i = 0; i < JoinArguments; i++)
            {
                _b.Store(_c.ConstI64(0), pointer, 8);
                Helper(BpfHelper.ProbeReadUser, I64, pointer, _c.ConstI32(8), _b.IntToPtr(_b.Add(array, _c.ConstI64(8 * i))));
                var address = _b.Load(I64, pointer, 8);
                var next = NewBlock("join_next");
                _b.CondBr(_b.ICmp(LlvmIntPredicate.Equal, address, _c.ConstI64(0)), done, next);
                _b.PositionAtEnd(next);
                Helper(BpfHelper.ProbeReadUserStr, I64, _b.ByteOffset(payload, tuple.Offsets[i]), _c.ConstI32(JoinArgumentSize), _b.IntToPtr(address));
            }

            _b.Br(done);
            _b.PositionAtEnd(done);
        });
    }

    private CgValue EmitStr(BoundCall call)
    {
        var type = (StringType)call.Type;
        var memory = ZeroedTemp(type.Capacity);
        var source = call.Arguments[0];
        if (source.Type is ArrayType)
        {
            var array = EmitExpression(source);
            CopyMemory(memory, array.Value, _c.ConstI64(Math.Min(source.Type.Size, type.Capacity - 1)), sourceAlignment: 1);
            return CgValue.Memory(memory);
        }

        var address = _b.IntToPtr(EmitScalar(source));
        LlvmValue size = _c.ConstI32(type.Capacity);
        if (call.Arguments.Length == 2 && call.Arguments[1].ConstantValue is null)
        {
            // A run-time length: clamp it to the buffer (the verifier needs a bounded size).
            var n = _b.Add(EmitScalar(call.Arguments[1]), _c.ConstI64(1));
            var clamped = _b.Select(_b.ICmp(LlvmIntPredicate.UnsignedGreater, n, _c.ConstI64(type.Capacity)), _c.ConstI64(type.Capacity), n);
            size = _b.Trunc(clamped, I32);
        }

        Helper(ReadStringHelper(source), I64, memory, size, address);
        return CgValue.Memory(memory);
    }

    private BpfHelper ReadStringHelper(BoundExpression source) =>
        ReadsUserMemory(source.Type)
            ? BpfHelper.ProbeReadUserStr
            : BpfHelper.ProbeReadStr;

    private CgValue EmitBuf(BoundCall call)
    {
        var type = (BufferType)call.Type;
        var memory = ZeroedTemp(type.Size);
        var source = call.Arguments[0];
        if (source.Type is ArrayType)
        {
            var array = EmitExpression(source);
            CopyMemory(_b.ByteOffset(memory, 4), array.Value, _c.ConstI64(Math.Min(source.Type.Size, type.Capacity)), sourceAlignment: 1, destinationAlignment: 4);
            _b.Store(_c.ConstI32(Math.Min(source.Type.Size, type.Capacity)), memory, 4);
            return CgValue.Memory(memory);
        }

        var address = _b.IntToPtr(EmitScalar(source));
        LlvmValue length = _c.ConstI64(type.Capacity);
        if (call.Arguments.Length == 2 && call.Arguments[1].ConstantValue is null)
        {
            var n = EmitScalar(call.Arguments[1]);
            length = _b.Select(_b.ICmp(LlvmIntPredicate.UnsignedGreater, n, _c.ConstI64(type.Capacity)), _c.ConstI64(type.Capacity), n);
        }

        var helper = ReadsUserMemory(source.Type) ? BpfHelper.ProbeReadUser : BpfHelper.ProbeRead;
        Helper(helper, I64, _b.ByteOffset(memory, 4), _b.Trunc(length, I32), address);
        _b.Store(_b.Trunc(length, I32), memory, 4);
        return CgValue.Memory(memory);
    }

    private CgValue CompileTimeAddress(BoundCall call, ulong? value, string what)
    {
        if (value is null)
        {
            _gen.Report(EmitDiagnostics.NotSupported, Location(call.Syntax), $"{call.Function}(\"{call.Text}\"): could not resolve the {what}; it");
            return CgValue.Scalar(_c.ConstI64(0));
        }

        return CgValue.Scalar(_c.ConstInt(I64, value.Value));
    }

    private CgValue EmitNtop(BoundCall call)
    {
        var memory = ZeroedTemp(24);
        var address = call.Arguments[^1];
        bool ipv6 = address.Type is ArrayType { Count: 16 } or StringType { Capacity: 16 };
        LlvmValue family = call.Arguments.Length == 2 ? _b.Trunc(EmitScalar(call.Arguments[0]), I32) : _c.ConstI32(ipv6 ? 10 : 2);
        _b.Store(family, memory, 4);
        var value = EmitExpression(address);
        if (value.IsMemory)
        {
            CopyMemory(_b.ByteOffset(memory, 4), value.Value, _c.ConstI64(Math.Min(16, address.Type.Size)), sourceAlignment: 1, destinationAlignment: 4);
        }
        else
        {
            _b.Store(_b.Trunc(value.Value, I32), _b.ByteOffset(memory, 4), 4);
        }

        return CgValue.Memory(memory);
    }

    private LlvmValue EmitBoundedStringEquals(BoundExpression left, BoundExpression right, int limit)
    {
        // strncmp semantics through the generic loop, restricted to the first `limit` bytes.
        var l = EmitExpression(left).Value;
        var r = EmitExpression(right).Value;
        int n = Math.Min(limit, Math.Min(left.Type.Size, right.Type.Size));
        LlvmValue equal = _c.ConstBool(true);
        LlvmValue ended = _c.ConstBool(false);
        for (int i = 0; i < n && i < 256; i++)
        {
            var a = _b.Load(I8, _b.ByteOffset(l, i), 1);
            var b = _b.Load(I8, _b.ByteOffset(r, i), 1);
            var same = _b.ICmp(LlvmIntPredicate.Equal, a, b);
            equal = _b.And(equal, _b.Or(ended, same));
            ended = _b.Or(ended, _b.And(same, _b.ICmp(LlvmIntPredicate.Equal, a, _c.ConstI8(0))));
        }

        return equal;
    }

    private CgValue EmitBswap(BoundCall call)
    {
        var value = EmitScalar(call.Arguments[0]);
        int bits = call.Type is IntegerType i ? i.Bits : 64;
        if (bits == 8)
        {
            return CgValue.Scalar(value);
        }

        var type = _c.Int(bits);
        var swap = _m.GetIntrinsic("llvm.bswap", type);
        var narrowed = bits == 64 ? value : _b.Trunc(value, type);
        var swapped = _b.Call(swap, [narrowed]);
        return CgValue.Scalar(bits == 64 ? swapped : _b.ZExt(swapped, I64));
    }

    private CgValue EmitRegister(BoundCall call)
    {
        string[] names = { "r15", "r14", "r13", "r12", "bp", "bx", "r11", "r10", "r9", "r8", "ax", "cx", "dx", "si", "di", "orig_ax", "ip", "cs", "flags", "sp", "ss" };
        int index = Array.IndexOf(names, call.Text);
        if (index < 0)
        {
            _gen.Report(EmitDiagnostics.NotSupported, Location(call.Syntax), $"reg(\"{call.Text}\"): unknown register; known: {string.Join(", ", names)}; it");
            return CgValue.Scalar(_c.ConstI64(0));
        }

        return CgValue.Scalar(_b.Load(I64, _b.ByteOffset(_program.Context, index * 8), 8));
    }

    /// <summary><c>delete(...)</c> as a value: 1 when the element existed (bpf_map_delete_elem returned 0), else 0.</summary>
    private LlvmValue EmitDeleteValue(BoundCall call)
    {
        var layout = _gen.Maps[call.Text!];
        var key = call.Arguments.IsEmpty ? null : call.Arguments[0];
        if (layout.BucketInKey)
        {
            return EmitBucketedDelete(layout, key);
        }

        var result = MapDelete(layout.Global, BuildKey(layout, key, null));
        return ToI64(_b.ICmp(LlvmIntPredicate.Equal, result, _c.ConstI64(0)));
    }
}
