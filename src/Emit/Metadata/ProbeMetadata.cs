using System.Collections.Immutable;

namespace BtLang.Emit.Metadata;

/// <summary>One BPF program and the attach points it is attached to.</summary>
public sealed record ProbeMetadata
{
    /// <summary>Program (function) name in the object, e.g. <c>bt_p0_tracepoint</c>.</summary>
    public required string ProgramName { get; init; }

    /// <summary>ELF section of the program, e.g. <c>tracepoint/syscalls/sys_enter_openat</c>, <c>uprobe</c>, <c>perf_event</c>.</summary>
    public required string Section { get; init; }

    /// <summary>Canonical provider: begin, end, kprobe, kretprobe, uprobe, uretprobe, tracepoint, rawtracepoint, usdt,
    /// profile, interval, software, hardware, watchpoint, fentry, fexit, iter, self, test, bench.</summary>
    public required string Provider { get; init; }

    /// <summary>Expanded attach points (wildcards resolved at compile time where they can be; the driver expands the rest).</summary>
    public ImmutableArray<AttachPointMetadata> AttachPoints { get; init; } = ImmutableArray<AttachPointMetadata>.Empty;
}
