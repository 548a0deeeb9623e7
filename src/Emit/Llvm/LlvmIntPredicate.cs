namespace BtLang.Emit.Llvm;

/// <summary>Integer comparison predicates of <c>icmp</c> (LLVMIntPredicate values).</summary>
internal enum LlvmIntPredicate
{
    Equal = 32,
    NotEqual = 33,
    UnsignedGreater = 34,
    UnsignedGreaterOrEqual = 35,
    UnsignedLess = 36,
    UnsignedLessOrEqual = 37,
    SignedGreater = 38,
    SignedGreaterOrEqual = 39,
    SignedLess = 40,
    SignedLessOrEqual = 41,
}
