using System.Text;
using BtLang.Syntax;
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
    /// A run-time needle: for each haystack position until its NUL, an inner loop compares until the needle's NUL
    /// (found) or a mismatch. The verifier walks every step of both loops: the binder bounds capacity products.
    /// </summary>
    private LlvmValue EmitStrContainsLoops(LlvmValue haystack, int haystackCapacity, LlvmValue needle, int needleCapacity)
    {
        var found = StackSlot(I64, "strcontains_found");
        var outerIndex = StackSlot(I64, "strcontains_i");
        var innerIndex = StackSlot(I64, "strcontains_j");
        _b.Store(_c.ConstI64(0), found, 8);
        _b.Store(_c.ConstI64(0), outerIndex, 8);
        var empty = NewBlock("strcontains_empty");
        var outerHead = NewBlock("strcontains_outer");
        var outerBody = NewBlock("strcontains_outer_body");
        var innerHead = NewBlock("strcontains_inner");
        var innerBody = NewBlock("strcontains_inner_body");
        var inside = NewBlock("strcontains_inside");
        var innerCompare = NewBlock("strcontains_inner_compare");
        var innerNext = NewBlock("strcontains_inner_next");
        var outerNext = NewBlock("strcontains_outer_next");
        var match = NewBlock("strcontains_match");
        var done = NewBlock("strcontains_done");

        var firstNeedle = _b.Load(I8, needle, 1);
        _b.CondBr(_b.ICmp(LlvmIntPredicate.Equal, firstNeedle, _c.ConstI8(0)), match, empty);
        _b.PositionAtEnd(empty);
        _b.Br(outerHead);

        // for (i = 0; i < H && haystack[i] != 0; i++)
        _b.PositionAtEnd(outerHead);
        var i = _b.Load(I64, outerIndex, 8);
        _b.Store(_c.ConstI64(0), innerIndex, 8);
        _b.CondBr(_b.ICmp(LlvmIntPredicate.UnsignedLess, i, _c.ConstI64(haystackCapacity)), outerBody, done);
        _b.PositionAtEnd(outerBody);
        var h0 = _b.Load(I8, _b.Gep(I8, haystack, [i]), 1);
        Likely(_b.CondBr(_b.ICmp(LlvmIntPredicate.Equal, h0, _c.ConstI8(0)), done, innerHead));

        //   for (j = 0; j < N; j++) { if (needle[j] == 0) found; if (i + j >= H || haystack[i + j] != needle[j]) break; }
        _b.PositionAtEnd(innerHead);
        var j = _b.Load(I64, innerIndex, 8);
        _b.CondBr(_b.ICmp(LlvmIntPredicate.UnsignedLess, j, _c.ConstI64(needleCapacity)), innerBody, match);
        _b.PositionAtEnd(innerBody);
        var n = _b.Load(I8, _b.Gep(I8, needle, [j]), 1);
        var at = _b.Add(_b.Load(I64, outerIndex, 8), j);
        Likely(_b.CondBr(_b.ICmp(LlvmIntPredicate.Equal, n, _c.ConstI8(0)), match, inside));
        _b.PositionAtEnd(inside);
        Likely(_b.CondBr(_b.ICmp(LlvmIntPredicate.UnsignedGreaterOrEqual, at, _c.ConstI64(haystackCapacity)), outerNext, innerCompare));
        _b.PositionAtEnd(innerCompare);
        var h = _b.Load(I8, _b.Gep(I8, haystack, [at]), 1);
        Likely(_b.CondBr(_b.ICmp(LlvmIntPredicate.NotEqual, h, n), outerNext, innerNext));
        _b.PositionAtEnd(innerNext);
        _b.Store(_b.Add(j, _c.ConstI64(1)), innerIndex, 8);
        _b.Br(innerHead);

        _b.PositionAtEnd(outerNext);
        _b.Store(_b.Add(_b.Load(I64, outerIndex, 8), _c.ConstI64(1)), outerIndex, 8);
        _b.Br(outerHead);

        _b.PositionAtEnd(match);
        _b.Store(_c.ConstI64(1), found, 8);
        _b.Br(done);

        _b.PositionAtEnd(done);
        return _b.Load(I64, found, 8);
    }
}
