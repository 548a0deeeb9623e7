using System.Runtime.InteropServices;

namespace BtLang.Semantics.ProbeCatalog.Interop;

/// <summary>P/Invoke into libc (only what the catalog needs).</summary>
internal static partial class LibC
{
    private const string Library = "libc.so.6";

    [LibraryImport(Library, EntryPoint = "free")]
    internal static partial void Free(nint pointer);
}
