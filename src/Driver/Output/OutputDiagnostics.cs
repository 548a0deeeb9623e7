using BtLang.Diagnostics;

namespace BtLang.Driver.Output;

/// <summary>Diagnostics of the output layer (BT3400..BT3499).</summary>
public static class OutputDiagnostics
{
    /// <summary>An event or map value could not be decoded with the metadata's layout.</summary>
    public static readonly DiagnosticDescriptor UndecodableValue = new(
        "BT3400", DiagnosticSeverity.Warning, "Value could not be decoded", "cannot decode {0}: {1}");

    /// <summary>Writing to the output (stdout or the -o file) failed.</summary>
    public static readonly DiagnosticDescriptor OutputWriteFailed = new(
        "BT3401", DiagnosticSeverity.Error, "Output could not be written", "cannot write output to {0}: {1}");
}
