using System.Runtime.InteropServices;

namespace BtLang.Driver.LibBpf;

/// <summary>Owns a <c>struct ring_buffer *</c>; releasing it calls <c>ring_buffer__free</c>.</summary>
internal sealed class RingBufferHandle : SafeHandle
{
    public RingBufferHandle(nint pointer)
        : base(0, ownsHandle: true)
    {
        SetHandle(pointer);
    }

    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle()
    {
        LibBpfNative.ring_buffer__free(handle);
        return true;
    }
}
