namespace BtLang.Semantics.ProbeCatalog.Tracepoints;

/// <summary>Where the catalog's tracepoints come from.</summary>
public enum TracefsStatus
{
    /// <summary>tracefs is mounted and readable: tracepoints are live.</summary>
    Available,

    /// <summary>The tracefs directory exists but is empty (not mounted). The driver mounts it; the catalog never does.</summary>
    NotMounted,

    /// <summary>tracefs is mounted but not readable by this user (e.g. the language server without root).</summary>
    NotReadable,

    /// <summary>No tracefs directory at all.</summary>
    Missing,
}
