namespace BtLang.Driver.LibBpf;

/// <summary>
/// One attachment of a program to an attach point. Disposing it detaches (<c>bpf_link__destroy</c>), which is slow
/// on this kernel (RCU: 60-250 ms per tracepoint link), so detach many links in parallel (see
/// <c>BtLang.Driver.Attach.AttachedProbes</c>). Safe to dispose from any thread, once or many times.
/// </summary>
public sealed class BpfLink : IDisposable
{
    private readonly BpfLinkHandle _handle;

    internal BpfLink(BpfLinkHandle handle, string description)
    {
        _handle = handle;
        Description = description;
    }

    /// <summary>The attach point this link serves, as the user wrote it (e.g. <c>tracepoint:syscalls:sys_enter_openat</c>).</summary>
    public string Description { get; }

    public bool IsDetached => _handle.IsClosed;

    /// <summary>The kernel's link ID (as <c>bpftool link show</c> lists it), or 0 when the link has no BPF link fd.</summary>
    public unsafe uint GetKernelId()
    {
        bool added = false;
        try
        {
            _handle.DangerousAddRef(ref added);
            int fd = LibBpfNative.bpf_link__fd(_handle.DangerousGetHandle());
            if (fd < 0)
            {
                return 0;
            }

            byte* info = stackalloc byte[48];
            new Span<byte>(info, 48).Clear();
            uint length = 48;
            return LibBpfNative.bpf_obj_get_info_by_fd(fd, info, &length) == 0 ? *(uint*)(info + 4) : 0;
        }
        finally
        {
            if (added)
            {
                _handle.DangerousRelease();
            }
        }
    }

    /// <summary>Detaches now. Returns 0 or a positive errno from <c>bpf_link__destroy</c>.</summary>
    public int Detach()
    {
        _handle.Dispose();
        return -_handle.DestroyResult;
    }

    public void Dispose() => _handle.Dispose();

    public override string ToString() => Description;
}
