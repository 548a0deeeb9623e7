using BtLang.Emit.Llvm;

namespace BtLang.Emit.CodeGen;

/// <summary>
/// A value during code generation: scalars (integers, bools, pointers, stack ids, symbols) are an i64 holding the
/// value extended to 64 bits as its type says; everything else (strings, tuples, buffers, ...) is a pointer to
/// memory laid out as the type says.
/// </summary>
internal readonly record struct CgValue(LlvmValue Value, bool IsMemory)
{
    public static CgValue Scalar(LlvmValue value) => new(value, false);

    public static CgValue Memory(LlvmValue pointer) => new(pointer, true);
}
