using System.Runtime.InteropServices;

namespace BtLang.Emit.Llvm.Interop;

/// <summary>
/// Owns an LLVM context, and the GCHandle its diagnostic handler receives: that handle is freed only when the
/// native context is, so the handler stays valid while modules made in the context are still in use.
/// </summary>
internal sealed class ContextHandle : LlvmSafeHandle
{
    /// <summary>The handle passed to LLVMContextSetDiagnosticHandler as its context, freed with the native context.</summary>
    internal GCHandle DiagnosticTarget { get; set; }

    protected override void Free(nint pointer)
    {
        LlvmNative.LLVMContextDispose(pointer);
        if (DiagnosticTarget.IsAllocated)
        {
            DiagnosticTarget.Free();
        }
    }
}
