using BtLang.Diagnostics;

namespace BtLang.Semantics.Probes;

/// <summary>Diagnostics of uprobe attach points checked against the traced binary (BT1080..BT1089, BT1580..BT1589).</summary>
public static class UprobeDiagnostics
{
    public static readonly DiagnosticDescriptor InsideInstruction = new(
        "BT1080", DiagnosticSeverity.Error, "Uprobe in the middle of an instruction", "Could not add uprobe into middle of instruction: {0}");

    public static readonly DiagnosticDescriptor OutsideFunction = new(
        "BT1081", DiagnosticSeverity.Error, "Uprobe offset outside its function", "Offset outside the function bounds ('{0}' size is {1})");

    public static readonly DiagnosticDescriptor NoDebugInfo = new(
        "BT1082", DiagnosticSeverity.Error, "No debug info for uprobe args", "{0}");

    public static readonly DiagnosticDescriptor UnreadableArgument = new(
        "BT1083", DiagnosticSeverity.Error, "Uprobe argument not readable from a register", "args.{0} ({1}) of {2} {3}");

    public static readonly DiagnosticDescriptor ArgsWildcardUprobe = new(
        "BT1084", DiagnosticSeverity.Error, "args in a uprobe with a wildcard", "args in a uprobe needs one binary and one function, without wildcards ({0})");

    public static readonly DiagnosticDescriptor UnsafeInsideInstruction = new(
        "BT1580", DiagnosticSeverity.Warning, "Uprobe in the middle of an instruction, allowed by --unsafe", "Unsafe uprobe in the middle of the instruction: {0}");
}
