namespace BtLang.Semantics.ProbeCatalog.PerfEvents;

/// <summary>A software or hardware perf event a <c>software:</c>/<c>hardware:</c> probe can name.</summary>
/// <param name="Name">The canonical name, e.g. <c>cpu-clock</c>.</param>
/// <param name="Alias">The short alias, e.g. <c>cpu</c>, or null.</param>
/// <param name="Type">perf_event_attr.type.</param>
/// <param name="Config">perf_event_attr.config (PERF_COUNT_SW_* / PERF_COUNT_HW_*).</param>
/// <param name="DefaultPeriod">The sample period used when the probe gives no count.</param>
public sealed record PerfEventInfo(string Name, string? Alias, PerfEventType Type, ulong Config, ulong DefaultPeriod)
{
    /// <summary>True if <paramref name="name"/> is this event's name or alias.</summary>
    public bool HasName(string name) => name == Name || (Alias is not null && name == Alias);
}
