using System.Runtime.InteropServices;

namespace BtLang.Driver.LibBpf;

/// <summary>Owns a <c>struct bpf_object *</c>; releasing it calls <c>bpf_object__close</c> (unloads programs, frees maps).</summary>
internal sealed class BpfObjectHandle : SafeHandle
{
    public BpfObjectHandle(nint pointer)
        : base(0, ownsHandle: true)
    {
        SetHandle(pointer);
    }

    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle()
    {
        LibBpfNative.bpf_object__close(handle);
        return true;
    }
}
