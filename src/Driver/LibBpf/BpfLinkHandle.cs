using System.Runtime.InteropServices;

namespace BtLang.Driver.LibBpf;

/// <summary>Owns a <c>struct bpf_link *</c>; releasing it calls <c>bpf_link__destroy</c> (detaches; also closes a perf event fd the link took over).</summary>
internal sealed class BpfLinkHandle : SafeHandle
{
    public BpfLinkHandle(nint pointer)
        : base(0, ownsHandle: true)
    {
        SetHandle(pointer);
    }

    public override bool IsInvalid => handle == 0;

    /// <summary>The result of the last <c>bpf_link__destroy</c> (0 or -errno).</summary>
    public int DestroyResult { get; private set; }

    protected override bool ReleaseHandle()
    {
        DestroyResult = LibBpfNative.bpf_link__destroy(handle);
        return true;
    }
}
