namespace BtLang.Driver.LibBpf;

/// <summary>The BPF program types a tracer uses (<c>enum bpf_prog_type</c> values).</summary>
public enum BpfProgramType
{
    Unspecified = 0,
    SocketFilter = 1,
    Kprobe = 2,
    Tracepoint = 5,
    PerfEvent = 7,
    RawTracepoint = 17,
    RawTracepointWritable = 24,
    Tracing = 26,
    Ext = 28,
    Lsm = 29,
    Syscall = 31,
}
