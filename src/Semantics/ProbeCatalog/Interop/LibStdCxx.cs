using System.Runtime.InteropServices;

namespace BtLang.Semantics.ProbeCatalog.Interop;

/// <summary>P/Invoke into libstdc++ for the Itanium C++ ABI demangler.</summary>
internal static unsafe partial class LibStdCxx
{
    private const string Library = "libstdc++.so.6";

    /// <summary><c>char* __cxa_demangle(const char* mangled, char* buf, size_t* n, int* status)</c>; the result is malloc'ed.</summary>
    [LibraryImport(Library, EntryPoint = "__cxa_demangle")]
    internal static partial MallocHandle CxaDemangle(byte* mangledName, nint outputBuffer, nint length, out int status);
}
