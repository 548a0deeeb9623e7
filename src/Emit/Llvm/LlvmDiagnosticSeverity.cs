namespace BtLang.Emit.Llvm;

/// <summary>Severity of a diagnostic reported by LLVM (LLVMDiagnosticSeverity values).</summary>
internal enum LlvmDiagnosticSeverity
{
    Error = 0,
    Warning = 1,
    Remark = 2,
    Note = 3,
}
