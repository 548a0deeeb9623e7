using System.Runtime.InteropServices;

namespace BtLang.Driver.LibBpf;

/// <summary>
/// One attachment of a program to an attach point. Disposing it detaches (<c>bpf_link__destroy</c>), which is slow
/// on this kernel (an RCU grace period per tracepoint: 40-250 ms, serialized by the kernel), so detach many links
/// in parallel (see <c>BtLang.Driver.Attach.AttachedProbes</c>). Links over perf events we opened ourselves keep
/// a duplicate of the perf event fd: <see cref="Stop"/> then detaches the program at once (the program no longer
/// runs) and only <see cref="Dispose"/> pays for releasing the perf event. Safe to call from any thread, repeatedly.
/// </summary>
public sealed class BpfLink : IDisposable
{
    // A libbpf link (BpfLinkHandle), or the fd of a kernel link made with bpf_link_create (FileDescriptorHandle).
    private readonly SafeHandle _handle;
    private readonly FileDescriptorHandle? _retainedPerfEvent;

    internal BpfLink(BpfLinkHandle handle, string description, FileDescriptorHandle? retainedPerfEvent = null)
    {
        _handle = handle;
        Description = description;
        _retainedPerfEvent = retainedPerfEvent;
    }

    /// <summary>A kernel link fd (<c>bpf_link_create</c>), and the perf event it attached to (closed on <see cref="Detach"/>).</summary>
    internal BpfLink(FileDescriptorHandle linkFd, string description, FileDescriptorHandle? retainedPerfEvent)
    {
        _handle = linkFd;
        Description = description;
        _retainedPerfEvent = retainedPerfEvent;
    }

    /// <summary>True when <see cref="Stop"/> is fast (the perf event is released separately by Dispose).</summary>
    public bool CanStopQuickly => _retainedPerfEvent is not null;

    /// <summary>True once the program no longer runs for this attach point.</summary>
    public bool IsStopped => _handle.IsClosed;

    /// <summary>The attach point this link serves, as the user wrote it (e.g. <c>tracepoint:syscalls:sys_enter_openat</c>).</summary>
    public string Description { get; }

    /// <summary>True once the link and its perf event are gone.</summary>
    public bool IsDetached => _handle.IsClosed && (_retainedPerfEvent is null || _retainedPerfEvent.IsClosed);

    /// <summary>The kernel's link ID (as <c>bpftool link show</c> lists it), or 0 when the link has no BPF link fd.</summary>
    public unsafe uint GetKernelId()
    {
        bool added = false;
        try
        {
            _handle.DangerousAddRef(ref added);
            int fd = LinkFd();
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

    /// <summary>
    /// For an iterator link (<c>iter:task</c>): opens a new iteration and reads it to the end, which runs the program
    /// once per object (its output goes through the ring buffer, not this file). Returns 0 or a positive errno.
    /// </summary>
    public int RunIterator()
    {
        bool added = false;
        try
        {
            _handle.DangerousAddRef(ref added);
            int fd = LibBpfNative.bpf_iter_create(LinkFd());
            if (fd < 0)
            {
                return Marshal.GetLastPInvokeError() is > 0 and var errno ? errno : -fd;
            }

            using var stream = new FileStream(new Microsoft.Win32.SafeHandles.SafeFileHandle(fd, ownsHandle: true), FileAccess.Read, bufferSize: 0);
            var buffer = new byte[4096];
            while (stream.Read(buffer, 0, buffer.Length) > 0)
            {
            }

            return 0;
        }
        catch (IOException e)
        {
            return e.HResult & 0xffff;
        }
        finally
        {
            if (added)
            {
                _handle.DangerousRelease();
            }
        }
    }

    /// <summary>
    /// Detaches the program (<c>bpf_link__destroy</c>). Fast when <see cref="CanStopQuickly"/>; otherwise this is
    /// the whole (slow) detach. Returns 0 or a positive errno.
    /// </summary>
    public int Stop()
    {
        _handle.Dispose();
        return _handle is BpfLinkHandle libbpfLink ? -libbpfLink.DestroyResult : 0;
    }

    /// <summary>Detaches completely (stop, then release the perf event). Returns 0 or a positive errno.</summary>
    public int Detach()
    {
        int result = Stop();
        _retainedPerfEvent?.Dispose();
        return result;
    }

    public void Dispose() => Detach();

    private int LinkFd() => _handle is FileDescriptorHandle fd ? fd.Fd : LibBpfNative.bpf_link__fd(_handle.DangerousGetHandle());

    public override string ToString() => Description;
}
