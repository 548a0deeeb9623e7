namespace BtLang.Emit.Llvm;

/// <summary>Kinds of LLVM types (LLVMTypeKind; only the ones BPF code uses are named).</summary>
internal enum LlvmTypeKind
{
    Void = 0,
    Label = 7,
    Integer = 8,
    Function = 9,
    Struct = 10,
    Array = 11,
    Pointer = 12,
    Vector = 13,
    Metadata = 14,
}
