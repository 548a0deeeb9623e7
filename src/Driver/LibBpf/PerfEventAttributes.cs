namespace BtLang.Driver.LibBpf;

/// <summary>
/// The parts of <c>struct perf_event_attr</c> a tracer sets. <see cref="Type"/>: 0 hardware, 1 software,
/// 2 tracepoint (<see cref="Config"/> = the tracepoint id from tracefs), 5 breakpoint, or a dynamic PMU type
/// such as uprobe's (from <c>/sys/bus/event_source/devices/uprobe/type</c>) with <see cref="ProbePath"/>. Either <see cref="SamplePeriod"/> or (with <see cref="UseFrequency"/>) <see cref="SampleFrequency"/>.
/// </summary>
public sealed record PerfEventAttributes
{
    public const uint TypeHardware = 0;
    public const uint TypeSoftware = 1;
    public const uint TypeTracepoint = 2;
    public const uint TypeBreakpoint = 5;

    public required uint Type { get; init; }

    public ulong Config { get; init; }

    public ulong SamplePeriod { get; init; }

    public bool UseFrequency { get; init; }

    public ulong SampleFrequency { get; init; }

    /// <summary>HW_BREAKPOINT_R = 1, W = 2, X = 4 (RW = 3).</summary>
    public uint BreakpointType { get; init; }

    public ulong BreakpointAddress { get; init; }

    public ulong BreakpointLength { get; init; }

    /// <summary>Probe PMUs (uprobe): the binary path, passed as <c>config1</c> (<c>uprobe_path</c>).</summary>
    public string? ProbePath { get; init; }

    /// <summary>Probe PMUs (uprobe): the file offset, passed as <c>config2</c> (<c>probe_offset</c>).</summary>
    public ulong ProbeOffset { get; init; }

    /// <summary>0..3: skid constraint (watchpoints use 2).</summary>
    public int PreciseIp { get; init; }
}
