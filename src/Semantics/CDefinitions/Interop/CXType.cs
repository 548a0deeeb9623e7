using System.Runtime.InteropServices;

namespace BtLang.Semantics.CDefinitions.Interop;

/// <summary>CXType: kind and two opaque pointers (24 bytes).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct CXType
{
    public CXTypeKind Kind;
    public IntPtr Data0;
    public IntPtr Data1;
}
