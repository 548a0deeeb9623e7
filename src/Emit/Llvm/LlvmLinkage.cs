namespace BtLang.Emit.Llvm;

/// <summary>Linkage of a global or function (LLVMLinkage values).</summary>
internal enum LlvmLinkage
{
    External = 0,
    LinkOnceAny = 2,
    LinkOnceOdr = 3,
    WeakAny = 5,
    WeakOdr = 6,
    Appending = 7,
    Internal = 8,
    Private = 9,
    ExternalWeak = 12,
    Common = 14,
}
