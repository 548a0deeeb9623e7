using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using System.Text;

namespace BtLang.Driver.LibBpf;

/// <summary>
/// A program the driver writes by hand (a few instructions, see <see cref="BpfInstruction"/>) and loads with
/// <c>bpf_prog_load</c>, outside any object. Disposing it closes its fd; links made from it keep it loaded until
/// they are detached.
/// </summary>
public sealed unsafe class BpfRawProgram : IDisposable
{
    /// <summary><c>BPF_PERF_EVENT</c> of <c>enum bpf_attach_type</c>: a BPF link to a perf event.</summary>
    private const int AttachPerfEvent = 41;

    private readonly FileDescriptorHandle _fd;

    private BpfRawProgram(FileDescriptorHandle fd, string name)
    {
        _fd = fd;
        Name = name;
    }

    public string Name { get; }

    /// <summary>
    /// Loads <paramref name="instructions"/> as a GPL program of <paramref name="type"/>. On failure returns false
    /// with the positive errno and the verifier's log.
    /// </summary>
    public static bool TryLoad(BpfProgramType type, string name, ReadOnlySpan<ulong> instructions,
        [NotNullWhen(true)] out BpfRawProgram? program, out int errno, out string verifierLog)
    {
        const int LogSize = 64 * 1024;
        byte* log = (byte*)NativeMemory.AllocZeroed(LogSize);
        try
        {
            var options = new BpfProgramLoadOptions
            {
                Size = (nuint)sizeof(BpfProgramLoadOptions),
                LogLevel = 1,
                LogSize = LogSize,
                LogBuffer = (nint)log,
            };
            int fd;
            fixed (ulong* code = instructions)
            {
                fd = LibBpfNative.bpf_prog_load_with_options((int)type, name, "GPL", code, (nuint)instructions.Length, &options);
            }

            var text = new ReadOnlySpan<byte>(log, LogSize);
            int end = text.IndexOf((byte)0);
            verifierLog = Encoding.UTF8.GetString(end < 0 ? text : text[..end]);
            if (fd < 0)
            {
                program = null;
                errno = -fd;
                return false;
            }

            program = new BpfRawProgram(new FileDescriptorHandle(fd), name);
            errno = 0;
            return true;
        }
        finally
        {
            NativeMemory.Free(log);
        }
    }

    /// <summary>The kernel's program ID (as <c>bpftool prog show</c> lists it).</summary>
    public uint GetKernelId()
    {
        const int InfoSize = 232;
        byte* info = stackalloc byte[InfoSize];
        new Span<byte>(info, InfoSize).Clear();
        uint length = InfoSize;
        return LibBpfNative.bpf_obj_get_info_by_fd(_fd.Fd, info, &length) == 0 ? *(uint*)(info + 4) : 0;
    }

    /// <summary>
    /// Attaches to a tracepoint (id from tracefs) through a perf event on CPU 0 and a BPF link
    /// (<c>bpf_link_create</c>). As with <see cref="BpfProgram.TryAttachTracepointEvent"/>, stopping the link is fast
    /// and the slow unregistration of the tracepoint is paid when the link is detached.
    /// </summary>
    public BpfLink? TryAttachTracepointEvent(ulong tracepointId, string description, out int errno)
    {
        var attributes = new PerfEventAttributes { Type = PerfEventAttributes.TypeTracepoint, Config = tracepointId };
        var perfEvent = PerfEvents.Open(attributes, pid: -1, cpu: 0, out errno);
        if (perfEvent is null)
        {
            return null;
        }

        int link = LibBpfNative.bpf_link_create(_fd.Fd, perfEvent.Fd, AttachPerfEvent, null);
        if (link < 0)
        {
            errno = -link;
            perfEvent.Dispose();
            return null;
        }

        errno = 0;
        return new BpfLink(new FileDescriptorHandle(link), description, perfEvent);
    }

    public void Dispose() => _fd.Dispose();
}
