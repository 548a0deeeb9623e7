using System.Runtime.InteropServices;

namespace BtLang.Semantics.CDefinitions.Interop;

/// <summary>CXUnsavedFile: an in-memory file (name, contents, length).</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct CXUnsavedFile
{
    public byte* Filename;
    public byte* Contents;
    public nuint Length;
}
