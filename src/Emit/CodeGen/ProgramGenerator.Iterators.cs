using BtLang.Emit.Llvm;

namespace BtLang.Emit.CodeGen;

/// <summary>iter: probes.</summary>
internal sealed partial class ProgramGenerator
{
    /// <summary>Offset of the iterated object (<c>task</c> in every <c>bpf_iter__task*</c> context) after <c>meta</c>.</summary>
    private const int IteratorObjectOffset = 8;

    /// <summary>
    /// The kernel runs an iterator program once more after the last object, with a NULL object, to let it finish
    /// (bpf_seq_printf footers). The body only makes sense per object, so that call returns at once, as in bpftrace.
    /// </summary>
    private void EmitIteratorGuard()
    {
        var item = _b.Load(I64, _b.ByteOffset(_program.Context, IteratorObjectOffset), 8);
        var present = _m.AppendBlock(_program.Function, "iter_item");
        _b.CondBr(_b.ICmp(LlvmIntPredicate.Equal, item, _c.ConstI64(0)), _return, present);
        _b.PositionAtEnd(present);
    }
}
