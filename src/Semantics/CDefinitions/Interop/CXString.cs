using System.Runtime.InteropServices;

namespace BtLang.Semantics.CDefinitions.Interop;

/// <summary>CXString: an opaque pointer and flags; released with clang_disposeString.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct CXString
{
    public IntPtr Data;
    public uint PrivateFlags;
}
