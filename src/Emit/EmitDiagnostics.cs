using BtLang.Diagnostics;

namespace BtLang.Emit;

/// <summary>Code generation diagnostics (BT2xxx).</summary>
public static class EmitDiagnostics
{
    public static readonly DiagnosticDescriptor LlvmError = new("BT2001", DiagnosticSeverity.Error, "LLVM reported an error", "LLVM: {0}");
    public static readonly DiagnosticDescriptor InvalidIr = new("BT2002", DiagnosticSeverity.Error, "Generated LLVM IR is invalid", "Generated LLVM IR failed verification: {0}");
    public static readonly DiagnosticDescriptor ScratchTooLarge = new("BT2003", DiagnosticSeverity.Error, "Probe needs too much scratch space", "This probe needs {0} bytes of scratch space; at most {1} are available (lower max_strlen?)");
    public static readonly DiagnosticDescriptor NotSupported = new("BT2004", DiagnosticSeverity.Error, "Not supported by the code generator yet", "{0} cannot be compiled yet");
    public static readonly DiagnosticDescriptor LlvmUnavailable = new("BT2005", DiagnosticSeverity.Error, "libLLVM 19 not available", "{0}");
    public static readonly DiagnosticDescriptor ProbeTooLarge = new("BT2050", DiagnosticSeverity.Error, "Probe too large", "probe too large: {0}");
    public static readonly DiagnosticDescriptor TooManyProbes = new("BT2006", DiagnosticSeverity.Error, "More probes than max_probes", "The program has {0} probes, more than max_probes ({1})");
}
