namespace BtLang.Semantics.ProbeCatalog;

/// <summary>
/// Where a <see cref="SystemProbeCatalog"/> reads from. The defaults are the running system's files; tests point the
/// paths at fixture directories with the same layout.
/// </summary>
public sealed record ProbeCatalogOptions
{
    /// <summary>The tracefs directory (holding <c>events/</c>). Null: <c>/sys/kernel/tracing</c>, else <c>/sys/kernel/debug/tracing</c>.</summary>
    public string? TracefsRoot { get; init; }

    /// <summary>The kernel BTF file.</summary>
    public string BtfPath { get; init; } = "/sys/kernel/btf/vmlinux";

    /// <summary>The directory of module split BTF files (one file per module, on top of <see cref="BtfPath"/>).</summary>
    public string BtfModuleDirectory { get; init; } = "/sys/kernel/btf";

    /// <summary>The proc filesystem root (for <c>/proc/PID/maps</c> when resolving libraries of a process).</summary>
    public string ProcRoot { get; init; } = "/proc";

    /// <summary>The dynamic loader cache used to resolve library names.</summary>
    public string LdSoCachePath { get; init; } = "/etc/ld.so.cache";

    /// <summary>The PATH used to resolve program names; null means the process environment's PATH.</summary>
    public string? PathVariable { get; init; }

    /// <summary>Use the bundled tracepoint catalog when tracefs is not readable (default true).</summary>
    public bool UseBundledTracepoints { get; init; } = true;

    /// <summary>The running system.</summary>
    public static ProbeCatalogOptions System { get; } = new();

    /// <summary>Options reading everything below a fixture directory laid out like the system: <c>DIR/tracing</c>
    /// (tracefs), <c>DIR/btf/vmlinux</c>, <c>DIR/proc</c>, <c>DIR/ld.so.cache</c>; no bundled fallback.</summary>
    public static ProbeCatalogOptions ForFixture(string directory) => new()
    {
        TracefsRoot = Path.Combine(directory, "tracing"),
        BtfPath = Path.Combine(directory, "btf", "vmlinux"),
        BtfModuleDirectory = Path.Combine(directory, "btf"),
        ProcRoot = Path.Combine(directory, "proc"),
        LdSoCachePath = Path.Combine(directory, "ld.so.cache"),
        PathVariable = Path.Combine(directory, "bin"),
        UseBundledTracepoints = false,
    };
}
