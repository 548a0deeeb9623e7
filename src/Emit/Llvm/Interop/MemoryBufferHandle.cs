namespace BtLang.Emit.Llvm.Interop;

/// <summary>Owns an LLVM memory buffer.</summary>
internal sealed class MemoryBufferHandle : LlvmSafeHandle
{
    protected override void Free(nint pointer) => LlvmNative.LLVMDisposeMemoryBuffer(pointer);
}
