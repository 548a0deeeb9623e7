namespace BtLang.Semantics.ProbeCatalog.PerfEvents;

/// <summary>The <c>perf_event_attr.type</c> values used by software and hardware probes.</summary>
public enum PerfEventType : uint
{
    /// <summary>PERF_TYPE_HARDWARE.</summary>
    Hardware = 0,

    /// <summary>PERF_TYPE_SOFTWARE.</summary>
    Software = 1,
}
