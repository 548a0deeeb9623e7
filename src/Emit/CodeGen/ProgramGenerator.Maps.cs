using BtLang.Emit.Llvm;
using BtLang.Semantics.Binding;
using BtLang.Semantics.Types;

namespace BtLang.Emit.CodeGen;

internal sealed partial class ProgramGenerator
{
    /// <summary>Keys and fresh values up to this size are built on the BPF stack, bigger ones in scratch memory.</summary>
    private const int StackMapSlotLimit = 64;

    /// <summary>
    /// Builds the BPF key of a map access in zeroed memory (hash keys compare every byte, padding included): the
    /// script key converted to the map's key type, then the bucket index for hist/lhist maps. Small keys go in one
    /// stack slot per program (no scratch lookup); the key expression is evaluated first, so a map read inside it
    /// has used the slot and is done with it before this key is written. Callers pass the key to the map helpers
    /// right away, with nothing evaluated in between.
    /// </summary>
    private LlvmValue BuildKey(MapLayout layout, BoundExpression? key, LlvmValue? bucket)
    {
        if (layout.IsKeylessArray)
        {
            // The array index on the stack (no scratch needed): 0, or the bucket of a keyless hist/lhist.
            var index = StackSlot(I32, "slot_key");
            _b.Store(bucket is { } slot ? _b.Trunc(slot, I32) : _c.ConstI32(0), index, 4);
            return index;
        }

        CgValue? value = key is not null && layout.KeyType is not null ? EmitExpression(key) : null;
        var memory = MapSlot("map_key", layout.KeySize);
        if (value is { } v)
        {
            Store(v, key!.Type, layout.KeyType!, memory);
        }

        if (bucket is { } b)
        {
            _b.Store(b, _b.ByteOffset(memory, layout.ScriptKeySize), 8);
        }

        return memory;
    }

    /// <summary>
    /// Zeroed memory for a map key or a value about to be inserted: a stack slot shared by the whole program (one
    /// for keys, one for values) when small, else a scratch temporary. The zeroing stores that the key or value
    /// overwrites completely are removed by LLVM.
    /// </summary>
    private LlvmValue MapSlot(string name, int size)
    {
        if (size > StackMapSlotLimit)
        {
            return ZeroedTemp(size);
        }

        var slot = SharedSlot(_c.Array(I64, StackMapSlotLimit / 8), name);
        ZeroMemory(slot, (ulong)MapLayout.Align8(Math.Max(size, 1)));
        return slot;
    }

    /// <summary>Reads <c>@m[k]</c>: the value, or zero (zeroed memory) when the key is absent.</summary>
    private CgValue EmitMapRead(BoundMapAccess access)
    {
        if (TryReadCached(access, out var cached))
        {
            return cached;
        }

        return RememberRead(access, EmitMapLookupRead(access));
    }

    private CgValue EmitMapLookupRead(BoundMapAccess access)
    {
        var layout = _gen.Maps[access.MapName];
        var key = BuildKey(layout, access.Key, null);
        var pointer = MapLookup(layout.Global, key);
        var found = _b.ICmp(LlvmIntPredicate.NotEqual, pointer, _c.Null);

        if (layout.Aggregate is { } aggregate)
        {
            // count/sum/min/max: the first u64 of this CPU's slot; avg: total / count.
            var result = SharedSlot(I64, "agg_read");
            _b.Store(_c.ConstI64(0), result, 8);
            If(found, () =>
            {
                var first = _b.Load(I64, pointer, 8);
                if (aggregate.Aggregate == AggregateKind.Avg)
                {
                    var count = _b.Load(I64, _b.ByteOffset(pointer, 8), 8);
                    first = SafeDivide(first, count, signed: aggregate.IsSigned);
                }

                _b.Store(first, result, 8);
            }, "agg_found");
            return CgValue.Scalar(_b.Load(I64, result, 8));
        }

        var type = layout.ValueType;
        if (IsScalar(type))
        {
            var result = SharedSlot(I64, "map_read");
            _b.Store(_c.ConstI64(0), result, 8);
            If(found, () => _b.Store(Load(pointer, type).Value, result, 8), "map_found");
            return CgValue.Scalar(_b.Load(I64, result, 8));
        }

        var copy = ZeroedTemp(type.Size);
        If(found, () => CopyMemory(copy, pointer, _c.ConstI64(type.Size)), "map_found");
        return CgValue.Memory(copy);
    }

    private void EmitAggregate(BoundAggregateAssignment assignment)
    {
        var layout = _gen.Maps[assignment.Target.MapName];
        var aggregate = assignment.Aggregate;
        LlvmValue argument = assignment.Argument is { } a ? EmitScalar(a) : _c.ConstI64(1);
        switch (aggregate.Aggregate)
        {
            case AggregateKind.Count:
            case AggregateKind.Sum:
                UpdateSlot(layout, assignment.Target.Key, null, pointer =>
                {
                    var old = _b.Load(I64, pointer, 8);
                    _b.Store(_b.Add(old, argument), pointer, 8);
                }, initial => _b.Store(argument, initial, 8));
                break;
            case AggregateKind.Min:
            case AggregateKind.Max:
                UpdateSlot(layout, assignment.Target.Key, null, pointer =>
                {
                    var old = _b.Load(I64, pointer, 8);
                    var isSet = _b.Load(I64, _b.ByteOffset(pointer, 8), 8);
                    var predicate = aggregate.Aggregate == AggregateKind.Min
                        ? (aggregate.IsSigned ? LlvmIntPredicate.SignedLess : LlvmIntPredicate.UnsignedLess)
                        : (aggregate.IsSigned ? LlvmIntPredicate.SignedGreater : LlvmIntPredicate.UnsignedGreater);
                    var better = _b.Or(_b.ICmp(LlvmIntPredicate.Equal, isSet, _c.ConstI64(0)), _b.ICmp(predicate, argument, old));
                    _b.Store(_b.Select(better, argument, old), pointer, 8);
                    _b.Store(_c.ConstI64(1), _b.ByteOffset(pointer, 8), 8);
                }, initial =>
                {
                    _b.Store(argument, initial, 8);
                    _b.Store(_c.ConstI64(1), _b.ByteOffset(initial, 8), 8);
                });
                break;
            case AggregateKind.Avg:
            case AggregateKind.Stats:
                UpdateSlot(layout, assignment.Target.Key, null, pointer =>
                {
                    _b.Store(_b.Add(_b.Load(I64, pointer, 8), argument), pointer, 8);
                    var count = _b.ByteOffset(pointer, 8);
                    _b.Store(_b.Add(_b.Load(I64, count, 8), _c.ConstI64(1)), count, 8);
                }, initial =>
                {
                    _b.Store(argument, initial, 8);
                    _b.Store(_c.ConstI64(1), _b.ByteOffset(initial, 8), 8);
                });
                break;
            case AggregateKind.TSeries:
                EmitTSeries(layout, assignment.Target.Key, aggregate, argument);
                break;
            case AggregateKind.Hist:
            case AggregateKind.LHist:
                var bucket = aggregate.Aggregate == AggregateKind.Hist
                    ? Log2Bucket(argument, aggregate.HistBits)
                    : LinearBucket(argument, aggregate.Min, aggregate.Max, aggregate.Step);
                UpdateSlot(layout, assignment.Target.Key, bucket, pointer =>
                {
                    _b.Store(_b.Add(_b.Load(I64, pointer, 8), _c.ConstI64(1)), pointer, 8);
                }, initial => _b.Store(_c.ConstI64(1), initial, 8));
                break;
        }
    }

    /// <summary>
    /// Looks the key up in this CPU's slot and updates it in place, or inserts a fresh value when the key is new.
    /// </summary>
    private void UpdateSlot(MapLayout layout, BoundExpression? key, LlvmValue? bucket, Action<LlvmValue> update, Action<LlvmValue> initialize)
    {
        ForgetMapReads();
        var keyMemory = BuildKey(layout, key, bucket);
        var pointer = MapLookup(layout.Global, keyMemory);
        if (layout.IsKeylessArray)
        {
            // The slot always exists (the null check is for the verifier); a fresh slot is all zeros, and every
            // update below is correct on zeros (min/max look at their "set" word).
            If(_b.ICmp(LlvmIntPredicate.NotEqual, pointer, _c.Null), () => update(pointer), "slot_found");
            return;
        }

        var exists = NewBlock("agg_exists");
        var missing = NewBlock("agg_missing");
        var done = NewBlock("agg_done");
        _b.CondBr(_b.ICmp(LlvmIntPredicate.NotEqual, pointer, _c.Null), exists, missing);

        _b.PositionAtEnd(exists);
        update(pointer);
        _b.Br(done);

        _b.PositionAtEnd(missing);
        var fresh = MapSlot("map_value", layout.ValueSize);
        initialize(fresh);
        MapUpdate(layout.Global, keyMemory, fresh);
        _b.Br(done);

        _b.PositionAtEnd(done);
    }

    /// <summary>
    /// The log2 bucket index of HistogramLayout.BucketIndex, computed in BPF: v &lt; 0 is bucket 0, 0 &lt;= v &lt;=
    /// 2^bits - 1 is v + 1, larger values go by floor(log2 v) (a binary search, see <see cref="FloorLog2"/>).
    /// </summary>
    private LlvmValue Log2Bucket(LlvmValue value, int bits)
    {
        long mask = (1L << bits) - 1;
        var small = NewBlock("hist_small");
        var large = NewBlock("hist_large");
        var done = NewBlock("hist_done");
        _b.CondBr(_b.ICmp(LlvmIntPredicate.SignedLessOrEqual, value, _c.ConstI64(mask)), small, large);

        _b.PositionAtEnd(small);
        var smallIndex = _b.Select(_b.ICmp(LlvmIntPredicate.SignedLess, value, _c.ConstI64(0)), _c.ConstI64(0), _b.Add(value, _c.ConstI64(1)));
        var smallEnd = _b.InsertBlock;
        _b.Br(done);

        _b.PositionAtEnd(large);
        LlvmValue largeIndex;
        if (bits == 0)
        {
            // hist(v): [2^lg, 2^(lg+1)) is bucket lg + 2; the 2 is the search's starting value.
            largeIndex = FloorLog2(value, 2);
        }
        else
        {
            var l = _b.Sub(FloorLog2(value, 0), _c.ConstI64(bits));
            // l is in [0, 63] here; the mask tells the verifier so.
            var x = _b.And(_b.LShr(value, _b.And(l, _c.ConstI64(63))), _c.ConstI64(mask));
            largeIndex = _b.Add(_b.Add(_b.Shl(_b.Add(l, _c.ConstI64(1)), _c.ConstI64(bits)), x), _c.ConstI64(1));
        }

        var largeEnd = _b.InsertBlock;
        _b.Br(done);

        _b.PositionAtEnd(done);
        var index = _b.Phi(I64, "hist_bucket");
        index.AddIncoming([smallIndex, largeIndex], [smallEnd, largeEnd]);
        return index;
    }

    /// <summary>
    /// <paramref name="start"/> + floor(log2 v) for v &gt; 0, as a branchy binary search: each step is
    /// <c>if (v &gt; 2^s - 1) { v &gt;&gt;= s; lg += s; }</c>, three BPF instructions. The shift goes through
    /// llvm.bpf.passthrough, which LLVM may not speculate, so the steps stay branches instead of becoming selects
    /// (about twice as many instructions).
    /// </summary>
    private LlvmValue FloorLog2(LlvmValue value, long start)
    {
        LlvmValue v = value;
        LlvmValue lg = _c.ConstI64(start);
        foreach (int shift in new[] { 32, 16, 8, 4, 2, 1 })
        {
            var step = NewBlock("log2_step");
            var next = NewBlock("log2_next");
            var from = _b.InsertBlock;
            _b.CondBr(_b.ICmp(LlvmIntPredicate.UnsignedGreater, v, _c.ConstInt(I64, (1UL << shift) - 1)), step, next);

            _b.PositionAtEnd(step);
            var shifted = _b.Passthrough(_b.LShr(v, _c.ConstI64(shift)));
            var increased = _b.Add(lg, _c.ConstI64(shift));
            _b.Br(next);

            _b.PositionAtEnd(next);
            var vPhi = _b.Phi(I64, "log2_v");
            vPhi.AddIncoming([v, shifted], [from, step]);
            var lgPhi = _b.Phi(I64, "log2_lg");
            lgPhi.AddIncoming([lg, increased], [from, step]);
            v = vPhi;
            lg = lgPhi;
        }

        return lg;
    }

    private LlvmValue LinearBucket(LlvmValue value, long min, long max, long step)
    {
        var below = _b.ICmp(LlvmIntPredicate.SignedLess, value, _c.ConstI64(min));
        var above = _b.ICmp(LlvmIntPredicate.SignedGreaterOrEqual, value, _c.ConstI64(max));
        // Only used when value >= min, so the difference is non-negative and unsigned division is exact.
        var inside = _b.Add(_b.UDiv(_b.Sub(value, _c.ConstI64(min)), _c.ConstI64(step)), _c.ConstI64(1));
        var last = _c.ConstI64(((max - min) / step) + 1);
        return _b.Select(below, _c.ConstI64(0), _b.Select(above, last, inside));
    }
}
