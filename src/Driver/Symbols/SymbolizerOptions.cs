namespace BtLang.Driver.Symbols;

/// <summary>Where the <see cref="Symbolizer"/> reads from (the running system by default; fixtures in tests).</summary>
public sealed record SymbolizerOptions
{
    /// <summary>The kernel symbol table.</summary>
    public string KallsymsPath { get; init; } = "/proc/kallsyms";

    /// <summary>The proc filesystem root (for <c>PID/maps</c> and <c>PID/root</c>).</summary>
    public string ProcRoot { get; init; } = "/proc";

    /// <summary>The user database.</summary>
    public string PasswdPath { get; init; } = "/etc/passwd";

    /// <summary>Where separate debug files of stripped binaries live.</summary>
    public string? DebugDirectory { get; init; } = "/usr/lib/debug";

    /// <summary>Demangle C++ user symbols (as bpftrace does).</summary>
    public bool Demangle { get; init; } = true;

    /// <summary>The running system.</summary>
    public static SymbolizerOptions System { get; } = new();
}
