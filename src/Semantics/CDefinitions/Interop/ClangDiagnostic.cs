namespace BtLang.Semantics.CDefinitions.Interop;

/// <summary>An error clang reported: its text and where (file, 1-based line and column).</summary>
internal sealed record ClangDiagnostic(string Message, string File, int Line, int Column, bool IsFatal);
