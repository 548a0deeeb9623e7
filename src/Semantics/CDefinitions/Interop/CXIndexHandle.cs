using System.Runtime.InteropServices;

namespace BtLang.Semantics.CDefinitions.Interop;

/// <summary>An owned CXIndex.</summary>
internal sealed class CXIndexHandle : SafeHandle
{
    public CXIndexHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        LibClang.clang_disposeIndex(handle);
        return true;
    }
}
