using System.Collections.Immutable;

namespace BtLang.Driver.Attach;

/// <summary>The software and hardware events bpftrace knows, with their aliases and default periods.</summary>
public static class PerfEventCatalog
{
    public static readonly ImmutableArray<PerfEventInfo> Software = ImmutableArray.Create(
        new PerfEventInfo("alignment-faults", "", 7, 1),
        new PerfEventInfo("bpf-output", "", 10, 1),
        new PerfEventInfo("context-switches", "cs", 3, 1000),
        new PerfEventInfo("cpu-clock", "cpu", 0, 1000000),
        new PerfEventInfo("cpu-migrations", "", 4, 1),
        new PerfEventInfo("dummy", "", 9, 1),
        new PerfEventInfo("emulation-faults", "", 8, 1),
        new PerfEventInfo("major-faults", "", 6, 1),
        new PerfEventInfo("minor-faults", "", 5, 100),
        new PerfEventInfo("page-faults", "faults", 2, 100),
        new PerfEventInfo("task-clock", "", 1, 1));

    public static readonly ImmutableArray<PerfEventInfo> Hardware = ImmutableArray.Create(
        new PerfEventInfo("backend-stalls", "", 8, 1000000),
        new PerfEventInfo("branch-instructions", "branches", 4, 100000),
        new PerfEventInfo("branch-misses", "", 5, 100000),
        new PerfEventInfo("bus-cycles", "", 6, 100000),
        new PerfEventInfo("cache-misses", "", 3, 1000000),
        new PerfEventInfo("cache-references", "", 2, 1000000),
        new PerfEventInfo("cpu-cycles", "cycles", 0, 1000000),
        new PerfEventInfo("frontend-stalls", "", 7, 1000000),
        new PerfEventInfo("instructions", "", 1, 1000000),
        new PerfEventInfo("ref-cycles", "", 9, 1000000));

    public static PerfEventInfo? FindSoftware(string name) => Find(Software, name);

    public static PerfEventInfo? FindHardware(string name) => Find(Hardware, name);

    private static PerfEventInfo? Find(ImmutableArray<PerfEventInfo> table, string name) =>
        table.FirstOrDefault(e => e.Name == name || (e.Alias.Length > 0 && e.Alias == name));
}
