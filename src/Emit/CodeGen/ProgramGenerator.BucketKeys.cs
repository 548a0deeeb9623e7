using BtLang.Emit.Llvm;
using BtLang.Semantics.Binding;

namespace BtLang.Emit.CodeGen;

internal sealed partial class ProgramGenerator
{
    /// <summary>
    /// <c>has_key(@h, k)</c> on a map stored as (key, bucket) entries (hist, lhist, tseries): true if any bucket of
    /// <c>k</c> exists. A bounded loop over the bucket count looks each one up and stops at the first found.
    /// </summary>
    private LlvmValue EmitBucketedHasKey(MapLayout layout, BoundExpression key)
    {
        var found = StackSlot(I64, "has_key_found");
        _b.Store(_c.ConstI64(0), found, 8);
        var memory = BuildKey(layout, key, _c.ConstI64(0));
        EmitBucketLoop(layout, memory, "has_key", stop =>
        {
            var hit = _b.ICmp(LlvmIntPredicate.NotEqual, MapLookup(layout.Global, memory), _c.Null);
            If(hit, () =>
            {
                _b.Store(_c.ConstI64(1), found, 8);
                _b.Br(stop);
            }, "has_key_hit");
        });
        return _b.Load(I64, found, 8);
    }

    /// <summary>
    /// <c>delete(@h, k)</c> on a (key, bucket) map: deletes every bucket of <c>k</c> (absent ones are no-ops); returns
    /// 1 (i64) when some bucket existed, the value of <c>delete()</c> used as a bool.
    /// </summary>
    private LlvmValue EmitBucketedDelete(MapLayout layout, BoundExpression? key)
    {
        var found = StackSlot(I64, "delete_found");
        _b.Store(_c.ConstI64(0), found, 8);
        var memory = BuildKey(layout, key, _c.ConstI64(0));
        EmitBucketLoop(layout, memory, "delete", _ =>
        {
            var deleted = _b.ICmp(LlvmIntPredicate.Equal, MapDelete(layout.Global, memory), _c.ConstI64(0));
            If(deleted, () => _b.Store(_c.ConstI64(1), found, 8), "delete_hit");
        });
        return _b.Load(I64, found, 8);
    }

    /// <summary>
    /// for (b = 0; b &lt; Buckets; b++) { key.bucket = b; body(stop); } with the bucket stored into the key memory
    /// before each body; the body may branch to <c>stop</c> to leave the loop.
    /// </summary>
    private void EmitBucketLoop(MapLayout layout, LlvmValue memory, string name, Action<LlvmBlock> body)
    {
        var index = StackSlot(I64, name + "_bucket");
        _b.Store(_c.ConstI64(0), index, 8);
        var head = NewBlock(name + "_head");
        var loop = NewBlock(name + "_body");
        var done = NewBlock(name + "_done");
        _b.Br(head);

        _b.PositionAtEnd(head);
        var bucket = _b.Load(I64, index, 8);
        _b.CondBr(_b.ICmp(LlvmIntPredicate.UnsignedLess, bucket, _c.ConstI64(Math.Max(layout.Metadata.Buckets, 1))), loop, done);

        _b.PositionAtEnd(loop);
        _b.Store(bucket, _b.ByteOffset(memory, layout.ScriptKeySize), 8);
        body(done);
        if (!_b.IsTerminated)
        {
            _b.Store(_b.Add(_b.Load(I64, index, 8), _c.ConstI64(1)), index, 8);
            _b.Br(head);
        }

        _b.PositionAtEnd(done);
    }
}
