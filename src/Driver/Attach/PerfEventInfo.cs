namespace BtLang.Driver.Attach;

/// <summary>A named perf event of the <c>software:</c> or <c>hardware:</c> provider, as bpftrace names them.</summary>
/// <param name="Name">Canonical name, e.g. <c>cpu-clock</c>.</param>
/// <param name="Alias">Short name or empty, e.g. <c>cpu</c>.</param>
/// <param name="Config">PERF_COUNT_SW_* / PERF_COUNT_HW_* value.</param>
/// <param name="DefaultPeriod">Period used when the probe gives none.</param>
public sealed record PerfEventInfo(string Name, string Alias, ulong Config, ulong DefaultPeriod);
