using System.Runtime.InteropServices;

namespace BtLang.Semantics.CDefinitions.Interop;

/// <summary>An owned CXTranslationUnit.</summary>
internal sealed class CXTranslationUnitHandle : SafeHandle
{
    public CXTranslationUnitHandle(IntPtr translationUnit)
        : base(IntPtr.Zero, ownsHandle: true) => SetHandle(translationUnit);

    public CXTranslationUnitHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        LibClang.clang_disposeTranslationUnit(handle);
        return true;
    }
}
