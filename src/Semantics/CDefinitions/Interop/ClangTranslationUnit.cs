using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text;

namespace BtLang.Semantics.CDefinitions.Interop;

/// <summary>
/// One C translation unit parsed by libclang from an in-memory main file. Owns the index and the unit; everything
/// read from it is copied into managed objects before it is disposed.
/// </summary>
internal sealed unsafe class ClangTranslationUnit : IDisposable
{
    /// <summary>The name the in-memory main file has inside clang.</summary>
    public const string MainFileName = "/btlang/script-c-definitions.c";

    private readonly CXIndexHandle _index;
    private readonly CXTranslationUnitHandle _unit;

    private ClangTranslationUnit(CXIndexHandle index, CXTranslationUnitHandle unit)
    {
        _index = index;
        _unit = unit;
    }

    /// <summary>Parses <paramref name="source"/> as a C file with the given clang arguments; null and a code on failure.</summary>
    public static ClangTranslationUnit? Parse(string source, IReadOnlyList<string> arguments, bool detailedPreprocessingRecord, out int errorCode)
    {
        var index = LibClang.clang_createIndex(0, 0);
        if (index.IsInvalid)
        {
            errorCode = -1;
            return null;
        }

        var allocations = new List<IntPtr>();
        try
        {
            byte* fileName = Utf8(MainFileName, allocations);
            byte* contents = Utf8(source, allocations);
            var unsaved = new CXUnsavedFile
            {
                Filename = fileName,
                Contents = contents,
                Length = (nuint)Encoding.UTF8.GetByteCount(source),
            };
            byte** args = stackalloc byte*[arguments.Count];
            for (int i = 0; i < arguments.Count; i++)
            {
                args[i] = Utf8(arguments[i], allocations);
            }

            uint options = LibClang.CXTranslationUnit_SkipFunctionBodies;
            if (detailedPreprocessingRecord)
            {
                options |= LibClang.CXTranslationUnit_DetailedPreprocessingRecord;
            }

            IntPtr unit;
            errorCode = LibClang.clang_parseTranslationUnit2(index, fileName, args, arguments.Count, &unsaved, 1, options, &unit);
            if (errorCode != 0 || unit == IntPtr.Zero)
            {
                index.Dispose();
                return null;
            }

            return new ClangTranslationUnit(index, new CXTranslationUnitHandle(unit));
        }
        finally
        {
            foreach (var pointer in allocations)
            {
                Marshal.FreeCoTaskMem(pointer);
            }
        }
    }

    /// <summary>The top-level cursors of the unit (declarations and, with the preprocessing record, macros).</summary>
    public List<CXCursor> TopLevelCursors() => LibClang.Children(LibClang.clang_getTranslationUnitCursor(_unit));

    /// <summary>The unit's error and fatal diagnostics (warnings are not reported).</summary>
    public ImmutableArray<ClangDiagnostic> GetErrors()
    {
        var result = ImmutableArray.CreateBuilder<ClangDiagnostic>();
        uint count = LibClang.clang_getNumDiagnostics(_unit);
        for (uint i = 0; i < count; i++)
        {
            IntPtr diagnostic = LibClang.clang_getDiagnostic(_unit, i);
            try
            {
                int severity = LibClang.clang_getDiagnosticSeverity(diagnostic);
                if (severity < LibClang.CXDiagnostic_Error)
                {
                    continue;
                }

                string message = LibClang.ToStringAndDispose(LibClang.clang_getDiagnosticSpelling(diagnostic));
                var (file, line, column) = FileLocation(LibClang.clang_getDiagnosticLocation(diagnostic));
                result.Add(new ClangDiagnostic(message, file, (int)line, (int)column, severity == LibClang.CXDiagnostic_Fatal));
            }
            finally
            {
                LibClang.clang_disposeDiagnostic(diagnostic);
            }
        }

        return result.ToImmutable();
    }

    /// <summary>The file (empty when none) and 1-based line and column of a cursor.</summary>
    public static (string File, uint Line, uint Column) CursorLocation(CXCursor cursor) => FileLocation(LibClang.clang_getCursorLocation(cursor));

    public void Dispose()
    {
        _unit.Dispose();
        _index.Dispose();
    }

    private static (string File, uint Line, uint Column) FileLocation(CXSourceLocation location)
    {
        IntPtr file;
        uint line, column, offset;
        LibClang.clang_getFileLocation(location, &file, &line, &column, &offset);
        string name = file == IntPtr.Zero ? string.Empty : LibClang.ToStringAndDispose(LibClang.clang_getFileName(file));
        return (name, line, column);
    }

    private static byte* Utf8(string value, List<IntPtr> allocations)
    {
        IntPtr pointer = Marshal.StringToCoTaskMemUTF8(value);
        allocations.Add(pointer);
        return (byte*)pointer;
    }
}
