using System.Runtime.InteropServices;

namespace BtLang.Semantics.CDefinitions.Interop;

/// <summary>CXCursor: kind, xdata and three opaque pointers (32 bytes).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct CXCursor
{
    public CXCursorKind Kind;
    public int XData;
    public IntPtr Data0;
    public IntPtr Data1;
    public IntPtr Data2;
}
