using System.Text;
using BtLang.Syntax;
using BtLang.Emit.Btf;
using BtLang.Emit.Llvm;
using BtLang.Semantics.Binding;
using BtLang.Semantics.Types;

namespace BtLang.Emit.CodeGen;

/// <summary><c>strcontains(haystack, needle)</c>: a substring search in BPF with loops the verifier can bound.</summary>
internal sealed partial class ProgramGenerator
{
    /// <summary>
    /// A literal needle is compared inline at each haystack position (one bounded loop); any other needle needs a
    /// second bounded loop nested in the first. Both stop at the haystack's NUL. An empty needle is always found.
    /// </summary>
    private CgValue EmitStrContains(BoundCall call)
    {
        var haystackExpression = call.Arguments[0];
        var needleExpression = call.Arguments[1];
        int haystackCapacity = ((StringType)haystackExpression.Type).Capacity;
        var haystack = EmitExpression(haystackExpression).Value;
        if (needleExpression is BoundLiteral { StringValue: { } literal })
        {
            return CgValue.Scalar(EmitStrContainsLiteral(haystack, haystackCapacity, StringLiteralBytes.GetBytes(literal)));
        }

        var needle = EmitExpression(needleExpression).Value;
        int needleCapacity = ((StringType)needleExpression.Type).Capacity;
        return CgValue.Scalar(EmitStrContainsLoops(haystack, haystackCapacity, needle, needleCapacity));
    }

    private LlvmValue EmitStrContainsLiteral(LlvmValue haystack, int capacity, byte[] needle)
    {
        int nul = Array.IndexOf(needle, (byte)0);
        if (nul >= 0)
        {
            needle = needle[..nul];
        }

        if (needle.Length == 0)
        {
            return _c.ConstI64(1);
        }

        // The haystack holds at most capacity-1 characters: positions past capacity-1-len cannot start a match.
        int positions = capacity - needle.Length;
        if (positions <= 0)
        {
            return _c.ConstI64(0);
        }

        // Per position, the needle's bytes are compared as words (no branch per byte: BPF has no set-on-compare, so
        // every i1 would become a branch the verifier must remember), then one branch leaves the loop on a match
        // or the NUL. The leaving branch is marked likely so that the verifier follows it first and does not pile
        // up one pending state per position (the kernel allows 8192), which lets a probe hold several searches.
        var found = StackSlot(I64, "strcontains_found");
        var index = StackSlot(I64, "strcontains_i");
        _b.Store(_c.ConstI64(0), found, 8);
        _b.Store(_c.ConstI64(0), index, 8);
        var head = NewBlock("strcontains_head");
        var body = NewBlock("strcontains_body");
        var notMatched = NewBlock("strcontains_not_matched");
        var matched = NewBlock("strcontains_matched");
        var done = NewBlock("strcontains_done");
        _b.Br(head);

        _b.PositionAtEnd(head);
        var i = _b.Load(I64, index, 8);
        _b.CondBr(_b.ICmp(LlvmIntPredicate.UnsignedLess, i, _c.ConstI64(positions)), body, done);

        _b.PositionAtEnd(body);
        var start = _b.Gep(I8, haystack, [i]);
        LlvmValue difference = _c.ConstI64(0);
        for (int chunk = 0; chunk < needle.Length; chunk += 8)
        {
            LlvmValue word = _c.ConstI64(0);
            ulong expected = 0;
            for (int k = chunk; k < Math.Min(chunk + 8, needle.Length); k++)
            {
                var actual = _b.ZExt(_b.Load(I8, _b.ByteOffset(start, k), 1), I64);
                word = _b.Or(word, _b.Shl(actual, _c.ConstI64(8 * (k - chunk))));
                expected |= (ulong)needle[k] << (8 * (k - chunk));
            }

            difference = _b.Or(difference, _b.Xor(word, _c.ConstI64(unchecked((long)expected))));
        }

        _b.Store(_b.Add(i, _c.ConstI64(1)), index, 8);
        Likely(_b.CondBr(_b.ICmp(LlvmIntPredicate.Equal, difference, _c.ConstI64(0)), matched, notMatched));

        // The first byte is not the needle's (which is not NUL) unless matched, so a NUL there ends the search.
        _b.PositionAtEnd(notMatched);
        var first = _b.Load(I8, start, 1);
        Likely(_b.CondBr(_b.ICmp(LlvmIntPredicate.Equal, first, _c.ConstI8(0)), done, head));

        _b.PositionAtEnd(matched);
        _b.Store(_c.ConstI64(1), found, 8);
        _b.Br(done);

        _b.PositionAtEnd(done);
        return _b.Load(I64, found, 8);
    }

    /// <summary>Marks the first successor of a conditional branch as the likely one (laid out as the fall-through).</summary>
    private void Likely(LlvmValue branch)
    {
        var weights = _c.MetadataNode(
        [
            _c.MetadataString("branch_weights"),
            _c.AsMetadata(_c.ConstInt(I32, 2000)),
            _c.AsMetadata(_c.ConstInt(I32, 1)),
        ]);
        _b.SetMetadata(branch, "prof", weights);
    }

    /// <summary>
    /// A run-time needle: bpf_loop calls a callback for each haystack position until the haystack's NUL; the callback
    /// compares the needle there with an inner bounded loop, until the needle's NUL (found) or a mismatch. The verifier
    /// checks the callback once per call, not once per haystack position, so several such searches fit in one probe
    /// (two nested inline loops were walked step by step and two of them could exceed the verifier's limits).
    /// Haystack and needle are copied to the scratch area, where the callback finds them at fixed offsets.
    /// </summary>
    private LlvmValue EmitStrContainsLoops(LlvmValue haystack, int haystackCapacity, LlvmValue needle, int needleCapacity)
    {
        var found = StackSlot(I64, "strcontains_found");
        _b.Store(_c.ConstI64(0), found, 8);
        var search = NewBlock("strcontains_search");
        var empty = NewBlock("strcontains_empty");
        var done = NewBlock("strcontains_done");
        var firstNeedle = _b.Load(I8, needle, 1);
        _b.CondBr(_b.ICmp(LlvmIntPredicate.Equal, firstNeedle, _c.ConstI8(0)), empty, search);

        _b.PositionAtEnd(empty);
        _b.Store(_c.ConstI64(1), found, 8);
        _b.Br(done);

        _b.PositionAtEnd(search);
        int haystackOffset = _scratchOffset;
        var haystackCopy = Temp(haystackCapacity);
        int needleOffset = _scratchOffset;
        var needleCopy = Temp(needleCapacity);
        CopyMemory(haystackCopy, haystack, _c.ConstI64(haystackCapacity), sourceAlignment: 1, destinationAlignment: 8);
        CopyMemory(needleCopy, needle, _c.ConstI64(needleCapacity), sourceAlignment: 1, destinationAlignment: 8);
        var callback = EmitStrContainsCallback(haystackOffset, haystackCapacity, needleOffset, needleCapacity);
        Helper((BpfHelper)LoopHelper, I64, _c.ConstI32(haystackCapacity), callback, found, _c.ConstI64(0));
        _b.Br(done);

        _b.PositionAtEnd(done);
        return _b.Load(I64, found, 8);
    }

    /// <summary>
    /// <c>static long cb(u64 i, u64 *found)</c>: stops (returns 1) at the haystack's NUL or on a match (setting *found),
    /// goes on (returns 0) after a mismatch at position i.
    /// </summary>
    private LlvmValue EmitStrContainsCallback(int haystackOffset, int haystackCapacity, int needleOffset, int needleCapacity)
    {
        var callback = BpfCallbacks.DefineLoopCallback(_m, $"{_name}_strcontains{_callbackCount++}");
        using var b = _m.CreateBuilder();
        var function = callback.Function;
        var i = function.GetParam(0);
        b.PositionAtEnd(callback.Entry);
        var zero = b.Alloca(I32, "zero");
        var innerIndex = b.Alloca(I64, "j");
        b.Store(_c.ConstI32(0), zero, 4);
        b.Store(_c.ConstI64(0), innerIndex, 8);
        var stop = _m.AppendBlock(function, "stop");
        var next = _m.AppendBlock(function, "next");
        var match = _m.AppendBlock(function, "match");
        var haveScratch = _m.AppendBlock(function, "have_scratch");
        var inRange = _m.AppendBlock(function, "in_range");
        var innerHead = _m.AppendBlock(function, "inner");
        var innerBody = _m.AppendBlock(function, "inner_body");
        var inside = _m.AppendBlock(function, "inside");
        var compare = _m.AppendBlock(function, "compare");
        var innerNext = _m.AppendBlock(function, "inner_next");

        var scratch = b.CallHelper((int)BpfHelper.MapLookupElem, Ptr, [_gen.Scratch, zero]);
        b.CondBr(b.ICmp(LlvmIntPredicate.Equal, scratch, _c.Null), stop, haveScratch);

        // if (i >= H || haystack[i] == 0) stop;
        b.PositionAtEnd(haveScratch);
        var haystack = b.ByteOffset(scratch, haystackOffset);
        var needle = b.ByteOffset(scratch, needleOffset);
        b.CondBr(b.ICmp(LlvmIntPredicate.UnsignedLess, i, _c.ConstI64(haystackCapacity)), inRange, stop);
        b.PositionAtEnd(inRange);
        var h0 = b.Load(I8, b.Gep(I8, haystack, [i]), 1);
        b.CondBr(b.ICmp(LlvmIntPredicate.Equal, h0, _c.ConstI8(0)), stop, innerHead);

        // for (j = 0; j < N; j++) { if (needle[j] == 0) match; if (i + j >= H || haystack[i + j] != needle[j]) next; }
        b.PositionAtEnd(innerHead);
        var j = b.Load(I64, innerIndex, 8);
        b.CondBr(b.ICmp(LlvmIntPredicate.UnsignedLess, j, _c.ConstI64(needleCapacity)), innerBody, match);
        b.PositionAtEnd(innerBody);
        var n = b.Load(I8, b.Gep(I8, needle, [j]), 1);
        var at = b.Add(i, j);
        b.CondBr(b.ICmp(LlvmIntPredicate.Equal, n, _c.ConstI8(0)), match, inside);
        b.PositionAtEnd(inside);
        b.CondBr(b.ICmp(LlvmIntPredicate.UnsignedGreaterOrEqual, at, _c.ConstI64(haystackCapacity)), next, compare);
        b.PositionAtEnd(compare);
        var h = b.Load(I8, b.Gep(I8, haystack, [at]), 1);
        b.CondBr(b.ICmp(LlvmIntPredicate.NotEqual, h, n), next, innerNext);
        b.PositionAtEnd(innerNext);
        b.Store(b.Add(j, _c.ConstI64(1)), innerIndex, 8);
        b.Br(innerHead);

        b.PositionAtEnd(match);
        b.Store(_c.ConstI64(1), callback.Context, 8);
        b.Ret(_c.ConstI64(1));
        b.PositionAtEnd(stop);
        b.Ret(_c.ConstI64(1));
        b.PositionAtEnd(next);
        b.Ret(_c.ConstI64(0));
        return function;
    }
}
