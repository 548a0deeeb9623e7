namespace BtLang.Emit.Llvm.Interop;

/// <summary>Owns an LLVM IR builder.</summary>
internal sealed class BuilderHandle : LlvmSafeHandle
{
    protected override void Free(nint pointer) => LlvmNative.LLVMDisposeBuilder(pointer);
}
