using BtLang.Emit.Btf;
using BtLang.Emit.Llvm;
using BtLang.Semantics.Binding;
using BtLang.Semantics.Symbols;
using BtLang.Semantics.Types;

namespace BtLang.Emit.CodeGen;

/// <summary>
/// <c>for ($kv : @map)</c> and <c>len(@map)</c>: both go through bpf_for_each_map_elem with a static callback.
/// The loop body becomes the callback. Scalar variables of the enclosing code that the body uses are copied into a
/// context record on the caller's stack (the callback reads and writes them there, and they are copied back after
/// the loop), like bpftrace does; other variables live at fixed places in the per-CPU scratch area, which the
/// callback sees too. <c>break</c> returns 1 from the callback (stop), <c>continue</c> and the end of the body
/// return 0 (next element), <c>return</c> sets a flag in the context and stops, and the caller then returns.
/// </summary>
internal sealed partial class ProgramGenerator
{
    /// <summary>BPF_FUNC_map_lookup_percpu_elem (kernel 5.19): one CPU's value of a per-CPU map element.</summary>
    private const int MapLookupPercpuElemHelper = 195;

    /// <summary>BPF_FUNC_loop (kernel 5.17): calls a callback up to N times; the verifier checks the callback once.</summary>
    private const int LoopHelper = 181;

    /// <summary>Upper bound of the CPU loop that merges per-CPU aggregate values (stops at the first absent CPU).</summary>
    private const int MaxMergedCpus = 512;

    private const string CountCallbackName = "btl_len_cb";

    private int _callbackCount;

    private void EmitForMap(BoundForMap loop)
    {
        ForgetMapReads();
        var layout = _gen.Maps[loop.MapName];
        var captured = loop.Captured.Where(v => IsScalar(v.Type)).ToList();
        int flagOffset = captured.Count * 8;

        // The caller's side: copy the captured variables into the shared record in the scratch area.
        int regionOffset = _scratchOffset;
        var region = Temp(flagOffset + 8);
        for (int i = 0; i < captured.Count; i++)
        {
            _b.Store(_b.Load(I64, VariableSlot(captured[i]), 8), _b.ByteOffset(region, i * 8), 8);
        }

        _b.Store(_c.ConstI64(0), _b.ByteOffset(region, flagOffset), 8);

        var callback = EmitForMapCallback(loop, layout, captured, regionOffset, flagOffset);
        Helper(BpfHelper.ForEachMapElem, I64, layout.Global, callback, _c.Null, _c.ConstI64(0));

        for (int i = 0; i < captured.Count; i++)
        {
            _b.Store(_b.Load(I64, _b.ByteOffset(region, i * 8), 8), VariableSlot(captured[i]), 8);
        }

        var returned = _b.Load(I64, _b.ByteOffset(region, flagOffset), 8);
        var go = NewBlock("for_map_done");
        _b.CondBr(IsTrue(returned), _return, go);
        _b.PositionAtEnd(go);
    }

    /// <summary>Generates the loop body as a callback function and returns the function.</summary>
    private LlvmValue EmitForMapCallback(BoundForMap loop, MapLayout layout, List<VariableSymbol> captured, int regionOffset, int flagOffset)
    {
        string name = $"{_name}_for{_callbackCount++}";
        var callback = BpfCallbacks.DefineMapElementCallback(_m, name, LineOf(loop.Syntax));

        // Save the caller's per-function state; the callback gets its own.
        var savedBuilder = _b;
        var savedAllocas = _allocas;
        var savedProgram = _program;
        var savedSetup = _setup;
        var savedSetupFail = _setupFail;
        var savedScratch = _scratchBase;
        var savedPidTgid = _pidTgid;
        var savedReturn = _return;
        var savedVariables = _variables.ToList();
        var savedSharedSlots = _sharedSlots.ToList();
        // The callback is another function: values of the caller's reads are not visible there.
        ForgetMapReads();
        var savedLoops = _loops.ToArray();
        int savedOffset = _scratchOffset;

        using var builder = _m.CreateBuilder();
        using var allocas = _m.CreateBuilder();
        using var setupBuilder = _m.CreateBuilder();
        _b = builder;
        _allocas = allocas;
        _setup = setupBuilder;
        _scratchBase = null;
        _pidTgid = null;
        _program = callback;
        _variables.Clear();
        _sharedSlots.Clear();
        _loops.Clear();

        _b.PositionAtEnd(callback.Entry);
        SetLocation(loop.Syntax);
        var setup = _m.AppendBlock(callback.Function, "setup");
        var jump = _b.Br(setup);
        _allocas.PositionBefore(jump);

        var stop = _m.AppendBlock(callback.Function, "stop");
        var next = _m.AppendBlock(callback.Function, "next");
        var returnBlock = _m.AppendBlock(callback.Function, "return");
        _return = stop;

        // The callback's own setup block gets its lookups on first use, like a program's; a failed lookup stops
        // the iteration.
        _setup.PositionAtEnd(setup);
        _setup.SetLocation(_b.CurrentLocation);
        _setupFail = stop;
        var body = _m.AppendBlock(callback.Function, "body");
        _b.PositionAtEnd(body);
        var region = _b.ByteOffset(Scratch, regionOffset);
        for (int i = 0; i < captured.Count; i++)
        {
            _variables[captured[i].Id] = _b.ByteOffset(region, i * 8);
        }

        _return = returnBlock;

        var keyPointer = callback.Function.GetParam(1);
        var valuePointer = callback.Function.GetParam(2);
        StoreLoopElement(loop, layout, keyPointer, valuePointer);

        _loops.Push((stop, next));
        EmitBlock(loop.Body);
        _loops.Pop();
        if (!_b.IsTerminated)
        {
            _b.Br(next);
        }

        _b.ClearLocation();
        _b.PositionAtEnd(returnBlock);
        _b.Store(_c.ConstI64(1), _b.ByteOffset(region, flagOffset), 8);
        _b.Br(stop);
        _b.PositionAtEnd(stop);
        _b.Ret(_c.ConstI64(1));
        _b.PositionAtEnd(next);
        _b.Ret(_c.ConstI64(0));

        _setup.Br(body);

        _b = savedBuilder;
        _allocas = savedAllocas;
        _program = savedProgram;
        _setup = savedSetup;
        _setupFail = savedSetupFail;
        _scratchBase = savedScratch;
        _pidTgid = savedPidTgid;
        _return = savedReturn;
        // The body may have written maps: forget what the callback remembered, and what the caller knew.
        ForgetMapReads();
        _variables.Clear();
        foreach (var pair in savedVariables)
        {
            _variables[pair.Key] = pair.Value;
        }

        // Stack slots belong to one function: the callback's must not leak into the caller, nor the caller's in.
        _sharedSlots.Clear();
        foreach (var pair in savedSharedSlots)
        {
            _sharedSlots[pair.Key] = pair.Value;
        }

        foreach (var entry in savedLoops.Reverse())
        {
            _loops.Push(entry);
        }

        _scratchOffset = savedOffset;
        SetLocation(loop.Syntax);
        return callback.Function;
    }

    /// <summary>Fills the loop variable: the key as the script sees it, then the value (per-CPU aggregates merged).</summary>
    private void StoreLoopElement(BoundForMap loop, MapLayout layout, LlvmValue keyPointer, LlvmValue valuePointer)
    {
        var tuple = (TupleType)loop.Variable.Type;
        var slot = VariableSlot(loop.Variable);
        ZeroMemory(slot, (ulong)MapLayout.Align8(tuple.Size));

        var keyDestination = _b.ByteOffset(slot, tuple.Offsets[0]);
        if (layout.KeyType is { } keyType)
        {
            Store(Load(keyPointer, keyType), keyType, tuple.Elements[0], keyDestination);
        }
        else
        {
            // A map without keys has the single key 0.
            Store(CgValue.Scalar(_c.ConstI64(0)), IntegerType.Int64, tuple.Elements[0], keyDestination);
        }

        var valueDestination = _b.ByteOffset(slot, tuple.Offsets[1]);
        if (layout.Aggregate is { } aggregate)
        {
            var merged = layout.Metadata.IsPerCpu ? MergedAggregate(layout, aggregate, keyPointer) : _b.Load(I64, valuePointer, 8);
            Store(CgValue.Scalar(merged), IntegerType.Int64, tuple.Elements[1], valueDestination);
            return;
        }

        Store(Load(valuePointer, layout.ValueType), layout.ValueType, tuple.Elements[1], valueDestination);
    }

    /// <summary>
    /// The value of a count/sum/min/max element over all CPUs (the callback only gets this CPU's slot). A bpf_loop
    /// callback looks the per-CPU slots up with bpf_map_lookup_percpu_elem until a CPU number has none; it finds the
    /// key in a copy in the scratch area, and accumulates into a (value, is-set) record on this callback's stack.
    /// </summary>
    private LlvmValue MergedAggregate(MapLayout layout, AggregateType aggregate, LlvmValue keyPointer)
    {
        int keyOffset = _scratchOffset;
        var keyCopy = Temp(layout.KeySize);
        CopyMemory(keyCopy, keyPointer, _c.ConstI64(layout.KeySize), sourceAlignment: 1);

        var merged = _allocas.Alloca(_c.Array(I64, 2), "merged");
        _b.Store(_c.ConstI64(0), merged, 8);
        _b.Store(_c.ConstI64(0), _b.ByteOffset(merged, 8), 8);
        var callback = EmitMergeCallback(layout, aggregate, keyOffset);
        Helper((BpfHelper)LoopHelper, I64, _c.ConstI32(MaxMergedCpus), callback, merged, _c.ConstI64(0));
        return _b.Load(I64, merged, 8);
    }

    private LlvmValue EmitMergeCallback(MapLayout layout, AggregateType aggregate, int keyOffset)
    {
        var callback = BpfCallbacks.DefineLoopCallback(_m, $"{_name}_merge{_callbackCount++}");
        using var b = _m.CreateBuilder();
        var function = callback.Function;
        var index = function.GetParam(0);
        var context = callback.Context;
        b.PositionAtEnd(callback.Entry);
        var zero = b.Alloca(I32, "zero");
        b.Store(_c.ConstI32(0), zero, 4);
        var stop = _m.AppendBlock(function, "stop");
        var haveScratch = _m.AppendBlock(function, "have_scratch");
        var found = _m.AppendBlock(function, "found");
        var scratch = b.CallHelper((int)BpfHelper.MapLookupElem, Ptr, [_gen.Scratch, zero]);
        b.CondBr(b.ICmp(LlvmIntPredicate.Equal, scratch, _c.Null), stop, haveScratch);

        b.PositionAtEnd(haveScratch);
        var key = b.ByteOffset(scratch, keyOffset);
        var pointer = b.CallHelper(MapLookupPercpuElemHelper, Ptr, [layout.Global, key, b.Trunc(index, I32)]);
        b.CondBr(b.ICmp(LlvmIntPredicate.Equal, pointer, _c.Null), stop, found);

        b.PositionAtEnd(found);
        var value = b.Load(I64, pointer, 8);
        var old = b.Load(I64, context, 8);
        var isSet = b.ByteOffset(context, 8);
        switch (aggregate.Aggregate)
        {
            case AggregateKind.Min:
            case AggregateKind.Max:
                var slotSet = b.ICmp(LlvmIntPredicate.NotEqual, b.Load(I64, b.ByteOffset(pointer, 8), 8), _c.ConstI64(0));
                var predicate = aggregate.Aggregate == AggregateKind.Min
                    ? (aggregate.IsSigned ? LlvmIntPredicate.SignedLess : LlvmIntPredicate.UnsignedLess)
                    : (aggregate.IsSigned ? LlvmIntPredicate.SignedGreater : LlvmIntPredicate.UnsignedGreater);
                var wasSet = b.Load(I64, isSet, 8);
                var first = b.ICmp(LlvmIntPredicate.Equal, wasSet, _c.ConstI64(0));
                var better = b.And(slotSet, b.Or(first, b.ICmp(predicate, value, old)));
                b.Store(b.Select(better, value, old), context, 8);
                b.Store(b.Select(slotSet, _c.ConstI64(1), wasSet), isSet, 8);
                break;
            default:
                b.Store(b.Add(old, value), context, 8);
                break;
        }

        b.Ret(_c.ConstI64(0));
        b.PositionAtEnd(stop);
        b.Ret(_c.ConstI64(1));
        return function;
    }

    /// <summary><c>len(@map)</c>: bpf_for_each_map_elem returns how many elements it visited.</summary>
    private CgValue EmitLen(BoundCall call)
    {
        var layout = _gen.Maps[call.Text!];
        var callback = _m.GetFunction(CountCallbackName);
        if (callback.IsNull)
        {
            var definition = BpfCallbacks.DefineMapElementCallback(_m, CountCallbackName);
            using var builder = _m.CreateBuilder();
            builder.PositionAtEnd(definition.Entry);
            builder.Ret(_c.ConstI64(0));
            callback = definition.Function;
        }

        var count = Helper(BpfHelper.ForEachMapElem, I64, layout.Global, callback, _c.Null, _c.ConstI64(0));
        return CgValue.Scalar(count);
    }
}
