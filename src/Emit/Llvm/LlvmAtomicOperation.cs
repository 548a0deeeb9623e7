namespace BtLang.Emit.Llvm;

/// <summary>Operations of <c>atomicrmw</c> (LLVMAtomicRMWBinOp values); BPF v3 has xchg, add, and, or, xor natively.</summary>
internal enum LlvmAtomicOperation
{
    Exchange = 0,
    Add = 1,
    Sub = 2,
    And = 3,
    Or = 5,
    Xor = 6,
    SignedMax = 7,
    SignedMin = 8,
    UnsignedMax = 9,
    UnsignedMin = 10,
}
