namespace BtLang.Emit.Llvm.Interop;

/// <summary>Owns an owned LLVM target data layout.</summary>
internal sealed class TargetDataHandle : LlvmSafeHandle
{
    protected override void Free(nint pointer) => LlvmNative.LLVMDisposeTargetData(pointer);
}
