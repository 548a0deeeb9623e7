using System.Runtime.InteropServices;

namespace BtLang.Semantics.ProbeCatalog.Interop;

/// <summary>Owns a C string allocated by malloc; frees it on dispose.</summary>
internal sealed class MallocHandle : SafeHandle
{
    public MallocHandle()
        : base(nint.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == nint.Zero;

    /// <summary>Reads the NUL-terminated UTF-8 string.</summary>
    public string? ReadString() => IsInvalid ? null : Marshal.PtrToStringUTF8(handle);

    protected override bool ReleaseHandle()
    {
        LibC.Free(handle);
        return true;
    }
}
