using System.Runtime.InteropServices;

namespace BtLang.Semantics.CDefinitions.Interop;

/// <summary>CXSourceLocation: two opaque pointers and an int.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct CXSourceLocation
{
    public IntPtr Data0;
    public IntPtr Data1;
    public uint IntData;
}
