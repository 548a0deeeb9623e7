namespace BtLang.Emit.Llvm.Interop;

/// <summary>Owns an LLVM target machine.</summary>
internal sealed class TargetMachineHandle : LlvmSafeHandle
{
    protected override void Free(nint pointer) => LlvmNative.LLVMDisposeTargetMachine(pointer);
}
