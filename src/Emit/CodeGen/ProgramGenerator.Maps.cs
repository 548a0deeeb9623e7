using BtLang.Emit.Llvm;
using BtLang.Semantics.Binding;
using BtLang.Semantics.Types;

namespace BtLang.Emit.CodeGen;

internal sealed partial class ProgramGenerator
{
    /// <summary>
    /// Builds the BPF key of a map access in zeroed scratch memory (hash keys compare every byte, padding
    /// included): the script key converted to the map's key type, then the bucket index for hist/lhist maps.
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

        var memory = ZeroedTemp(layout.KeySize);
        if (key is not null && layout.KeyType is { } keyType)
        {
            var value = EmitExpression(key);
            Store(value, key.Type, keyType, memory);
        }

        if (bucket is { } b)
        {
            _b.Store(b, _b.ByteOffset(memory, layout.ScriptKeySize), 8);
        }

        return memory;
    }

    /// <summary>Reads <c>@m[k]</c>: the value, or zero (zeroed memory) when the key is absent.</summary>
    private CgValue EmitMapRead(BoundMapAccess access)
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
        var fresh = ZeroedTemp(layout.ValueSize);
        initialize(fresh);
        MapUpdate(layout.Global, keyMemory, fresh);
        _b.Br(done);

        _b.PositionAtEnd(done);
    }

    /// <summary>The log2 bucket index of HistogramLayout.BucketIndex, computed in BPF (a binary search for floor(log2 v)).</summary>
    private LlvmValue Log2Bucket(LlvmValue value, int bits)
    {
        var negative = _b.ICmp(LlvmIntPredicate.SignedLess, value, _c.ConstI64(0));
        long mask = (1L << bits) - 1;
        var small = _b.ICmp(LlvmIntPredicate.SignedLessOrEqual, value, _c.ConstI64(mask));

        // lg = floor(log2(v)) for v > 0, branch-free.
        LlvmValue v = value;
        LlvmValue lg = _c.ConstI64(0);
        foreach (int shift in new[] { 32, 16, 8, 4, 2, 1 })
        {
            var limit = _c.ConstInt(I64, 1UL << shift);
            var over = _b.ICmp(LlvmIntPredicate.UnsignedGreaterOrEqual, v, limit);
            v = _b.Select(over, _b.LShr(v, _c.ConstI64(shift)), v);
            lg = _b.Select(over, _b.Add(lg, _c.ConstI64(shift)), lg);
        }

        var l = _b.Sub(lg, _c.ConstI64(bits));
        // Guard the shift amount so the verifier sees it in range even on the paths that do not use it.
        var shiftAmount = _b.And(l, _c.ConstI64(63));
        var x = _b.And(_b.LShr(value, shiftAmount), _c.ConstI64(mask));
        var large = _b.Add(_b.Add(_b.Shl(_b.Add(l, _c.ConstI64(1)), _c.ConstI64(bits)), x), _c.ConstI64(1));
        var result = _b.Select(small, _b.Add(value, _c.ConstI64(1)), large);
        return _b.Select(negative, _c.ConstI64(0), result);
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
