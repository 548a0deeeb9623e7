using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace BtLang.Semantics.CDefinitions.Interop;

/// <summary>
/// The libclang C API (Debian's <c>libclang1-14</c>, file <c>libclang-14.so.1</c>) as far as the C front end uses it.
/// Every entry point is declared here and nowhere else; nothing native leaves the CDefinitions folder.
/// </summary>
internal static unsafe partial class LibClang
{
    private const string LibraryName = "libclang";

    /// <summary>The package to install when no libclang can be loaded.</summary>
    public const string PackageHint = "libclang1-14";

    private static readonly string[] Candidates =
    [
        "libclang-14.so.1",
        "/usr/lib/x86_64-linux-gnu/libclang-14.so.1",
        "/usr/lib/llvm-14/lib/libclang.so.1",
        "libclang.so.1",
        "libclang.so",
    ];

    static LibClang()
    {
        try
        {
            NativeLibrary.SetDllImportResolver(typeof(LibClang).Assembly, Resolve);
        }
        catch (InvalidOperationException)
        {
            // Another part of this assembly registered a resolver first; it must then know "libclang" too.
        }
    }

    /// <summary>Loads libclang now; false (with a one-line reason) when it is not installed.</summary>
    public static bool TryLoad(out string error)
    {
        try
        {
            clang_getClangVersion_Probe();
            error = string.Empty;
            return true;
        }
        catch (DllNotFoundException)
        {
            error = $"libclang is not installed (install the Debian package {PackageHint})";
            return false;
        }
        catch (EntryPointNotFoundException e)
        {
            error = $"the installed libclang is unusable ({e.Message}); install the Debian package {PackageHint}";
            return false;
        }
    }

    private static void clang_getClangVersion_Probe()
    {
        var version = clang_getClangVersion();
        clang_disposeString(version);
    }

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (libraryName != LibraryName)
        {
            return IntPtr.Zero;
        }

        foreach (string candidate in Candidates)
        {
            if (NativeLibrary.TryLoad(candidate, out IntPtr handle))
            {
                return handle;
            }
        }

        return IntPtr.Zero;
    }

    // ---- strings ----

    public static string ToStringAndDispose(CXString value)
    {
        try
        {
            return Marshal.PtrToStringUTF8(clang_getCString(value)) ?? string.Empty;
        }
        finally
        {
            clang_disposeString(value);
        }
    }

    [LibraryImport(LibraryName)]
    public static partial CXString clang_getClangVersion();

    [LibraryImport(LibraryName)]
    public static partial IntPtr clang_getCString(CXString value);

    [LibraryImport(LibraryName)]
    public static partial void clang_disposeString(CXString value);

    // ---- index and translation unit ----

    [LibraryImport(LibraryName)]
    public static partial CXIndexHandle clang_createIndex(int excludeDeclarationsFromPch, int displayDiagnostics);

    [LibraryImport(LibraryName)]
    public static partial void clang_disposeIndex(IntPtr index);

    [LibraryImport(LibraryName)]
    public static partial int clang_parseTranslationUnit2(
        CXIndexHandle index,
        byte* sourceFilename,
        byte** commandLineArgs,
        int numCommandLineArgs,
        CXUnsavedFile* unsavedFiles,
        uint numUnsavedFiles,
        uint options,
        IntPtr* translationUnit);

    [LibraryImport(LibraryName)]
    public static partial void clang_disposeTranslationUnit(IntPtr translationUnit);

    [LibraryImport(LibraryName)]
    public static partial CXCursor clang_getTranslationUnitCursor(CXTranslationUnitHandle translationUnit);

    // ---- diagnostics ----

    [LibraryImport(LibraryName)]
    public static partial uint clang_getNumDiagnostics(CXTranslationUnitHandle translationUnit);

    [LibraryImport(LibraryName)]
    public static partial IntPtr clang_getDiagnostic(CXTranslationUnitHandle translationUnit, uint index);

    [LibraryImport(LibraryName)]
    public static partial void clang_disposeDiagnostic(IntPtr diagnostic);

    [LibraryImport(LibraryName)]
    public static partial int clang_getDiagnosticSeverity(IntPtr diagnostic);

    [LibraryImport(LibraryName)]
    public static partial CXString clang_getDiagnosticSpelling(IntPtr diagnostic);

    [LibraryImport(LibraryName)]
    public static partial CXSourceLocation clang_getDiagnosticLocation(IntPtr diagnostic);

    // ---- locations ----

    [LibraryImport(LibraryName)]
    public static partial void clang_getFileLocation(CXSourceLocation location, IntPtr* file, uint* line, uint* column, uint* offset);

    [LibraryImport(LibraryName)]
    public static partial CXString clang_getFileName(IntPtr file);

    [LibraryImport(LibraryName)]
    public static partial CXSourceLocation clang_getCursorLocation(CXCursor cursor);

    // ---- cursors ----

    [LibraryImport(LibraryName)]
    public static partial uint clang_visitChildren(CXCursor parent, delegate* unmanaged<CXCursor, CXCursor, IntPtr, int> visitor, IntPtr clientData);

    [LibraryImport(LibraryName)]
    public static partial CXString clang_getCursorSpelling(CXCursor cursor);

    [LibraryImport(LibraryName)]
    public static partial CXType clang_getCursorType(CXCursor cursor);

    [LibraryImport(LibraryName)]
    public static partial uint clang_isCursorDefinition(CXCursor cursor);

    [LibraryImport(LibraryName)]
    public static partial CXCursor clang_getCursorDefinition(CXCursor cursor);

    [LibraryImport(LibraryName)]
    public static partial uint clang_Cursor_isAnonymous(CXCursor cursor);

    [LibraryImport(LibraryName)]
    public static partial uint clang_Cursor_isAnonymousRecordDecl(CXCursor cursor);

    [LibraryImport(LibraryName)]
    public static partial uint clang_Cursor_isBitField(CXCursor cursor);

    [LibraryImport(LibraryName)]
    public static partial int clang_getFieldDeclBitWidth(CXCursor cursor);

    [LibraryImport(LibraryName)]
    public static partial long clang_Cursor_getOffsetOfField(CXCursor cursor);

    [LibraryImport(LibraryName)]
    public static partial long clang_getEnumConstantDeclValue(CXCursor cursor);

    [LibraryImport(LibraryName)]
    public static partial CXType clang_getEnumDeclIntegerType(CXCursor cursor);

    [LibraryImport(LibraryName)]
    public static partial CXType clang_getTypedefDeclUnderlyingType(CXCursor cursor);

    [LibraryImport(LibraryName)]
    public static partial uint clang_Cursor_isMacroFunctionLike(CXCursor cursor);

    [LibraryImport(LibraryName)]
    public static partial uint clang_Cursor_isMacroBuiltin(CXCursor cursor);

    [LibraryImport(LibraryName)]
    public static partial IntPtr clang_Cursor_Evaluate(CXCursor cursor);

    [LibraryImport(LibraryName)]
    public static partial int clang_EvalResult_getKind(IntPtr result);

    [LibraryImport(LibraryName)]
    public static partial long clang_EvalResult_getAsLongLong(IntPtr result);

    [LibraryImport(LibraryName)]
    public static partial void clang_EvalResult_dispose(IntPtr result);

    // ---- types ----

    [LibraryImport(LibraryName)]
    public static partial CXType clang_getCanonicalType(CXType type);

    [LibraryImport(LibraryName)]
    public static partial CXString clang_getTypeSpelling(CXType type);

    [LibraryImport(LibraryName)]
    public static partial long clang_Type_getSizeOf(CXType type);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    public static partial long clang_Type_getOffsetOf(CXType type, string fieldName);

    [LibraryImport(LibraryName)]
    public static partial CXType clang_getPointeeType(CXType type);

    [LibraryImport(LibraryName)]
    public static partial CXType clang_getArrayElementType(CXType type);

    [LibraryImport(LibraryName)]
    public static partial long clang_getArraySize(CXType type);

    [LibraryImport(LibraryName)]
    public static partial CXCursor clang_getTypeDeclaration(CXType type);

    // ---- the cursor visitor: collects the direct children of a cursor ----

    /// <summary>The direct children of <paramref name="parent"/>, in order.</summary>
    public static List<CXCursor> Children(CXCursor parent)
    {
        var children = new List<CXCursor>();
        var handle = GCHandle.Alloc(children);
        try
        {
            clang_visitChildren(parent, &CollectChild, GCHandle.ToIntPtr(handle));
        }
        finally
        {
            handle.Free();
        }

        return children;
    }

    [UnmanagedCallersOnly]
    private static int CollectChild(CXCursor cursor, CXCursor parent, IntPtr clientData)
    {
        var children = (List<CXCursor>)GCHandle.FromIntPtr(clientData).Target!;
        children.Add(cursor);
        return CXChildVisit_Continue;
    }

    public const int CXChildVisit_Continue = 1;

    // CXTranslationUnit_Flags
    public const uint CXTranslationUnit_DetailedPreprocessingRecord = 0x01;
    public const uint CXTranslationUnit_SkipFunctionBodies = 0x40;

    // CXDiagnosticSeverity
    public const int CXDiagnostic_Error = 3;
    public const int CXDiagnostic_Fatal = 4;

    // CXEvalResultKind
    public const int CXEval_Int = 1;
}
