namespace BtLang.Emit.Llvm.Interop;

/// <summary>Owns an LLVM context.</summary>
internal sealed class ContextHandle : LlvmSafeHandle
{
    protected override void Free(nint pointer) => LlvmNative.LLVMContextDispose(pointer);
}
