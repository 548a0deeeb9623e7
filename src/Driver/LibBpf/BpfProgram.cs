using System.Runtime.InteropServices;
using System.Text;

namespace BtLang.Driver.LibBpf;

/// <summary>
/// One program of a <see cref="BpfObject"/> (a view: it lives as long as its object). Attach methods return a
/// <see cref="BpfLink"/>, or null with the positive errno of the failure; the attach layer
/// (<c>BtLang.Driver.Attach.ProbeAttacher</c>) turns those into diagnostics.
/// </summary>
public sealed unsafe class BpfProgram
{
    private readonly BpfObject _owner;
    private readonly nint _program;
    private nint _logBuffer;
    private int _logBufferSize;

    internal BpfProgram(BpfObject owner, nint program)
    {
        _owner = owner;
        _program = program;
        Name = Marshal.PtrToStringUTF8(LibBpfNative.bpf_program__name(program)) ?? string.Empty;
        SectionName = Marshal.PtrToStringUTF8(LibBpfNative.bpf_program__section_name(program)) ?? string.Empty;
    }

    /// <summary>The function name in the object, e.g. <c>bt_p0</c>.</summary>
    public string Name { get; }

    /// <summary>The ELF section, e.g. <c>tracepoint/syscalls/sys_enter_openat</c>.</summary>
    public string SectionName { get; }

    public BpfObject Object => _owner;

    /// <summary>The program fd after load, or -1.</summary>
    public int Fd => Pointer is var p && p != 0 ? LibBpfNative.bpf_program__fd(p) : -1;

    public BpfProgramType Type => (BpfProgramType)LibBpfNative.bpf_program__type(Pointer);

    /// <summary>Number of BPF instructions (after libbpf's relocations once loaded).</summary>
    public int InstructionCount => (int)LibBpfNative.bpf_program__insn_cnt(Pointer);

    /// <summary>The verifier log of the last load (empty when it succeeded without a verbose log level).</summary>
    public string VerifierLog { get; private set; } = string.Empty;

    private nint Pointer
    {
        get
        {
            _owner.ThrowIfDisposed();
            return _program;
        }
    }

    /// <summary>
    /// Whether <see cref="BpfObject.TryLoad"/> loads this program (default true). Turn it off for probes the
    /// kernel cannot run (see <c>ProbeAttacher.CheckSupported</c>) so the rest of the object still loads.
    /// </summary>
    public void SetAutoLoad(bool autoLoad)
    {
        int result = LibBpfNative.bpf_program__set_autoload(Pointer, autoLoad);
        if (result < 0)
        {
            throw new LibBpfException($"bpf_program__set_autoload({Name})", -result);
        }
    }

    /// <summary>Kernel facts about the loaded program (ID, verified instructions, run statistics).</summary>
    public BpfProgramInfo GetInfo()
    {
        int fd = Fd;
        if (fd < 0)
        {
            throw new InvalidOperationException($"program '{Name}' is not loaded");
        }

        const int InfoSize = 232;
        byte* info = stackalloc byte[InfoSize];
        new Span<byte>(info, InfoSize).Clear();
        uint length = InfoSize;
        int result = LibBpfNative.bpf_obj_get_info_by_fd(fd, info, &length);
        if (result < 0)
        {
            throw new LibBpfException($"bpf_obj_get_info_by_fd({Name})", -result);
        }

        var name = new ReadOnlySpan<byte>(info + 64, 16);
        int end = name.IndexOf((byte)0);
        return new BpfProgramInfo(
            Id: *(uint*)(info + 4),
            Name: Encoding.UTF8.GetString(end < 0 ? name : name[..end]),
            TranslatedBytes: *(uint*)(info + 20),
            VerifiedInstructions: *(uint*)(info + 216),
            RunCount: *(ulong*)(info + 200),
            RunTimeNanoseconds: *(ulong*)(info + 192),
            RecursionMisses: *(ulong*)(info + 208));
    }

    /// <summary>
    /// Runs the loaded program once with <paramref name="context"/> as its context (BPF_PROG_TEST_RUN; works for
    /// raw tracepoint programs, which is how BEGIN/END-style programs can be run without an event). Returns the
    /// program's return value.
    /// </summary>
    public uint TestRun(ReadOnlySpan<byte> context, int cpu = -1)
    {
        fixed (byte* contextPointer = context)
        {
            var options = new BpfTestRunOptions
            {
                Size = (nuint)sizeof(BpfTestRunOptions),
                ContextIn = context.IsEmpty ? 0 : (nint)contextPointer,
                ContextSizeIn = (uint)context.Length,
            };
            if (cpu >= 0)
            {
                options.Cpu = (uint)cpu;
                options.Flags = 1; // BPF_F_TEST_RUN_ON_CPU
            }

            int result = LibBpfNative.bpf_prog_test_run_opts(Fd, &options);
            if (result < 0)
            {
                throw new LibBpfException($"bpf_prog_test_run_opts({Name})", -result);
            }

            return options.ReturnValue;
        }
    }

    /// <summary>Attaches by section name (<c>bpf_program__attach</c>: libbpf parses the SEC() text).</summary>
    public BpfLink? TryAttachBySection(string description, out int errno) =>
        Wrap(LibBpfNative.bpf_program__attach(Pointer), description, out errno);

    public BpfLink? TryAttachTracepoint(string category, string name, string description, out int errno) =>
        Wrap(LibBpfNative.bpf_program__attach_tracepoint(Pointer, category, name), description, out errno);

    public BpfLink? TryAttachRawTracepoint(string name, string description, out int errno) =>
        Wrap(LibBpfNative.bpf_program__attach_raw_tracepoint(Pointer, name), description, out errno);

    /// <summary>
    /// Attaches a uprobe or uretprobe. With <paramref name="functionName"/>, libbpf resolves the ELF symbol and
    /// <paramref name="offset"/> is relative to it; without, <paramref name="offset"/> is a file offset in the binary.
    /// <paramref name="pid"/> -1 means every process.
    /// </summary>
    public BpfLink? TryAttachUprobe(bool retprobe, int pid, string binaryPath, string? functionName, ulong offset, string description, out int errno)
    {
        nint name = functionName is null ? 0 : Marshal.StringToCoTaskMemUTF8(functionName);
        try
        {
            var options = new BpfUprobeOptions
            {
                Size = (nuint)sizeof(BpfUprobeOptions),
                RetProbe = retprobe ? (byte)1 : (byte)0,
                FunctionName = name,
            };
            return Wrap(LibBpfNative.bpf_program__attach_uprobe_opts(Pointer, pid, binaryPath, (nuint)offset, &options), description, out errno);
        }
        finally
        {
            Marshal.FreeCoTaskMem(name);
        }
    }

    /// <summary>
    /// Attaches a USDT probe (<c>bpf_program__attach_usdt</c>). The program must use libbpf's USDT support
    /// (the <c>__bpf_usdt_specs</c> and <c>__bpf_usdt_ip_to_spec_id</c> maps of usdt.bpf.h).
    /// </summary>
    public BpfLink? TryAttachUsdt(int pid, string binaryPath, string provider, string name, string description, out int errno)
    {
        var options = new BpfUsdtOptions { Size = (nuint)sizeof(BpfUsdtOptions) };
        return Wrap(LibBpfNative.bpf_program__attach_usdt(Pointer, pid, binaryPath, provider, name, &options), description, out errno);
    }

    public BpfLink? TryAttachKprobe(bool retprobe, string function, string description, out int errno) =>
        Wrap(LibBpfNative.bpf_program__attach_kprobe(Pointer, retprobe, function), description, out errno);

    /// <summary>fentry/fexit/iter-style attach (<c>bpf_program__attach_trace</c>); the target is fixed at load.</summary>
    public BpfLink? TryAttachTrace(string description, out int errno) =>
        Wrap(LibBpfNative.bpf_program__attach_trace(Pointer), description, out errno);

    /// <summary>
    /// Opens a perf event (<c>perf_event_open</c> with <paramref name="attributes"/> on <paramref name="pid"/>/<paramref name="cpu"/>)
    /// and attaches the program to it. On success the link owns the perf event fd. <paramref name="openFailed"/>
    /// tells whether perf_event_open (rather than the attach) failed.
    /// </summary>
    public BpfLink? TryAttachPerfEvent(PerfEventAttributes attributes, int pid, int cpu, string description, out int errno, out bool openFailed)
    {
        var pointer = Pointer;
        using var perfEvent = PerfEvents.Open(attributes, pid, cpu, out errno);
        if (perfEvent is null)
        {
            openFailed = true;
            return null;
        }

        openFailed = false;

        // Keep a duplicate of the perf event fd: destroying the link then only detaches the program (fast), and
        // closing the duplicate later pays for unregistering the event (slow for tracepoints).
        var retained = PerfEvents.Duplicate(perfEvent.Fd, out errno);
        if (retained is null)
        {
            return null;
        }

        nint link = LibBpfNative.bpf_program__attach_perf_event(pointer, perfEvent.Fd);
        if (link == 0)
        {
            errno = Marshal.GetLastPInvokeError();
            retained.Dispose();
            return null;
        }

        // The link closes the perf event fd it was given when it is destroyed.
        perfEvent.SetHandleAsInvalid();
        errno = 0;
        return new BpfLink(new BpfLinkHandle(link), description, retained);
    }

    /// <summary>
    /// Attaches to a tracepoint through a perf event we open ourselves (type tracepoint, config = the id read from
    /// tracefs <c>events/CATEGORY/NAME/id</c>), so the link can be stopped quickly (see <see cref="BpfLink.Stop"/>).
    /// </summary>
    public BpfLink? TryAttachTracepointEvent(ulong tracepointId, string description, out int errno)
    {
        var attributes = new PerfEventAttributes { Type = PerfEventAttributes.TypeTracepoint, Config = tracepointId };
        return TryAttachPerfEvent(attributes, pid: -1, cpu: 0, description, out errno, out _);
    }

    internal void PrepareLogBuffer(int size, uint level)
    {
        FreeLogBuffer();
        _logBuffer = (nint)NativeMemory.AllocZeroed((nuint)size);
        _logBufferSize = size;
        LibBpfNative.bpf_program__set_log_buf(_program, (byte*)_logBuffer, (nuint)size);
        LibBpfNative.bpf_program__set_log_level(_program, level);
    }

    internal void CollectLogBuffer()
    {
        if (_logBuffer == 0)
        {
            return;
        }

        var span = new ReadOnlySpan<byte>((void*)_logBuffer, _logBufferSize);
        int end = span.IndexOf((byte)0);
        VerifierLog = Encoding.UTF8.GetString(end < 0 ? span : span[..end]);
        LibBpfNative.bpf_program__set_log_buf(_program, null, 0);
        FreeLogBuffer();
    }

    internal void FreeLogBuffer()
    {
        if (_logBuffer != 0)
        {
            NativeMemory.Free((void*)_logBuffer);
            _logBuffer = 0;
            _logBufferSize = 0;
        }
    }

    private static BpfLink? Wrap(nint link, string description, out int errno)
    {
        if (link == 0)
        {
            errno = Marshal.GetLastPInvokeError();
            if (errno == 0)
            {
                errno = LibBpfErrors.EINVAL;
            }

            return null;
        }

        errno = 0;
        return new BpfLink(new BpfLinkHandle(link), description);
    }

    public override string ToString() => $"{Name} ({SectionName})";
}
