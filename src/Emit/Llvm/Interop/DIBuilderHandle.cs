namespace BtLang.Emit.Llvm.Interop;

/// <summary>Owns an LLVM debug info builder.</summary>
internal sealed class DIBuilderHandle : LlvmSafeHandle
{
    protected override void Free(nint pointer) => LlvmNative.LLVMDisposeDIBuilder(pointer);
}
