namespace BtLang.Emit.Llvm;

/// <summary>
/// A message LLVM reported through the context's diagnostic handler (for example "BPF stack limit is exceeded"),
/// or a failure of verification or emission. The code generator turns these into BT2xxx diagnostics.
/// </summary>
/// <param name="Severity">Error, warning, remark or note.</param>
/// <param name="Message">LLVM's text, which may start with <c>file:line:col:</c> when the instruction had a location.</param>
internal sealed record LlvmDiagnostic(LlvmDiagnosticSeverity Severity, string Message)
{
    public bool IsError => Severity == LlvmDiagnosticSeverity.Error;

    public override string ToString() => $"{Severity.ToString().ToLowerInvariant()}: {Message}";
}
