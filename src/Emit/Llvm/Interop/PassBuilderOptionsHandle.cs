namespace BtLang.Emit.Llvm.Interop;

/// <summary>Owns LLVM pass builder options.</summary>
internal sealed class PassBuilderOptionsHandle : LlvmSafeHandle
{
    protected override void Free(nint pointer) => LlvmNative.LLVMDisposePassBuilderOptions(pointer);
}
