namespace BtLang.Emit.Llvm.Interop;

/// <summary>Owns an LLVM module (kept alive with its context).</summary>
internal sealed class LlvmModuleHandle : LlvmSafeHandle
{
    protected override void Free(nint pointer) => LlvmNative.LLVMDisposeModule(pointer);
}
