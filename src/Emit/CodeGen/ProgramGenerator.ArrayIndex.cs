using BtLang.Emit.Llvm;
using BtLang.Semantics.Binding;
using BtLang.Semantics.Types;

namespace BtLang.Emit.CodeGen;

/// <summary>
/// <c>a[i]</c>: an element of an array or string value (<c>comm[0]</c>, <c>args.arr[2]</c>), or the element a pointer
/// points at (<c>args.argv[1]</c>, read through the pointer like <c>*(p + i)</c>). A constant index inside the value
/// is a plain load; a run-time index is checked against the length (outside it the element reads as 0) and read with
/// a helper, so the verifier never sees a variable stack offset.
/// </summary>
internal sealed partial class ProgramGenerator
{
    private CgValue EmitArrayIndex(BoundArrayIndex index)
    {
        var elementType = index.Type;
        int elementSize = Math.Max(1, elementType.Size);
        if (index.Operand.Type is PointerType)
        {
            var offset = _b.Mul(EmitScalar(index.Index), _c.ConstI64(elementSize));
            var address = _b.IntToPtr(_b.Add(EmitScalar(index.Operand), offset));
            var element = ZeroedTemp(Math.Max(elementSize, 8));
            Helper(ReadHelper(index.Operand.Type), I64, element, _c.ConstI32(elementSize), address);
            return Load(element, elementType);
        }

        int count = index.Operand.Type.Size / elementSize;
        var value = EmitExpression(index.Operand);
        if (index.Index.ConstantValue is long constant)
        {
            if (constant >= 0 && constant < count)
            {
                return Load(_b.ByteOffset(value.Value, constant * elementSize), elementType);
            }

            return IsScalar(elementType) ? CgValue.Scalar(_c.ConstI64(0)) : CgValue.Memory(ZeroedTemp(elementSize));
        }

        var i = EmitScalar(index.Index);
        var inside = _b.ICmp(LlvmIntPredicate.UnsignedLess, i, _c.ConstI64(count));
        var bounded = _b.Select(inside, i, _c.ConstI64(0));
        var source = _b.InBoundsGep(_c.I8, value.Value, [_b.Mul(bounded, _c.ConstI64(elementSize))]);
        var copy = ZeroedTemp(Math.Max(elementSize, 8));
        Helper(BpfHelper.ProbeReadKernel, I64, copy, _b.Select(inside, _c.ConstI32(elementSize), _c.ConstI32(0)), source);
        return Load(copy, elementType);
    }
}
