namespace BtLang.Semantics.ProbeCatalog.Tracepoints;

/// <summary>A set of tracepoints with their formats (live tracefs or bundled).</summary>
public interface ITracepointProvider
{
    /// <summary>Every tracepoint, sorted by category then name (ordinal, as bpftrace lists them).</summary>
    IReadOnlyList<TracepointName> Names { get; }

    /// <summary>The event with its fields, or null if unknown or its format is unreadable.</summary>
    TracepointEvent? GetEvent(string category, string name);
}
