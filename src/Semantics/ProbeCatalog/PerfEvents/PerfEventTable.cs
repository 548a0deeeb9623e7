using System.Collections.Immutable;

namespace BtLang.Semantics.ProbeCatalog.PerfEvents;

/// <summary>The software and hardware events bpftrace knows, with perf type/config numbers and default periods.</summary>
public static class PerfEventTable
{
    /// <summary>Software events (PERF_TYPE_SOFTWARE) in PERF_COUNT_SW_* order.</summary>
    public static ImmutableArray<PerfEventInfo> Software { get; } =
    [
        new("cpu-clock", "cpu", PerfEventType.Software, 0, 1_000_000),
        new("task-clock", null, PerfEventType.Software, 1, 1_000_000),
        new("page-faults", "faults", PerfEventType.Software, 2, 100),
        new("context-switches", "cs", PerfEventType.Software, 3, 1_000),
        new("cpu-migrations", null, PerfEventType.Software, 4, 1),
        new("minor-faults", null, PerfEventType.Software, 5, 100),
        new("major-faults", null, PerfEventType.Software, 6, 1),
        new("alignment-faults", null, PerfEventType.Software, 7, 1),
        new("emulation-faults", null, PerfEventType.Software, 8, 1),
        new("dummy", null, PerfEventType.Software, 9, 1),
        new("bpf-output", null, PerfEventType.Software, 10, 1),
    ];

    /// <summary>Hardware events (PERF_TYPE_HARDWARE) in PERF_COUNT_HW_* order.</summary>
    public static ImmutableArray<PerfEventInfo> Hardware { get; } =
    [
        new("cpu-cycles", "cycles", PerfEventType.Hardware, 0, 1_000_000),
        new("instructions", null, PerfEventType.Hardware, 1, 1_000_000),
        new("cache-references", null, PerfEventType.Hardware, 2, 1_000_000),
        new("cache-misses", null, PerfEventType.Hardware, 3, 1_000_000),
        new("branch-instructions", "branches", PerfEventType.Hardware, 4, 100_000),
        new("branch-misses", null, PerfEventType.Hardware, 5, 100_000),
        new("bus-cycles", null, PerfEventType.Hardware, 6, 100_000),
        new("frontend-stalls", null, PerfEventType.Hardware, 7, 1_000_000),
        new("backend-stalls", null, PerfEventType.Hardware, 8, 1_000_000),
        new("ref-cycles", null, PerfEventType.Hardware, 9, 1_000_000),
    ];

    /// <summary>Finds a software event by name or alias.</summary>
    public static PerfEventInfo? FindSoftware(string name) => Find(Software, name);

    /// <summary>Finds a hardware event by name or alias.</summary>
    public static PerfEventInfo? FindHardware(string name) => Find(Hardware, name);

    private static PerfEventInfo? Find(ImmutableArray<PerfEventInfo> events, string name)
    {
        foreach (var info in events)
        {
            if (info.HasName(name))
                return info;
        }
        return null;
    }
}
