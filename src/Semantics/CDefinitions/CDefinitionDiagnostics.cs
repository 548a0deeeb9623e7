using BtLang.Diagnostics;

namespace BtLang.Semantics.CDefinitions;

/// <summary>Diagnostics of the C front end (BT1600..BT1649): the script's #include/#define lines and C definitions.</summary>
public static class CDefinitionDiagnostics
{
    public static readonly DiagnosticDescriptor LibClangMissing = Error("BT1600", "libclang not available", "C definitions need libclang: {0}");
    public static readonly DiagnosticDescriptor CError = Error("BT1601", "Error in C definitions", "{0}");
    public static readonly DiagnosticDescriptor IncludeNotFound = Error("BT1602", "Include file not found", "Include file not found: '{0}'");
    public static readonly DiagnosticDescriptor ClangFailure = Error("BT1603", "libclang failed", "libclang could not parse the C definitions (error code {0})");
    public static readonly DiagnosticDescriptor ErrorInHeader = Error("BT1604", "Error in an included file", "{0}:{1}:{2}: {3}");

    private static DiagnosticDescriptor Error(string id, string title, string format) => new(id, DiagnosticSeverity.Error, title, format);
}
