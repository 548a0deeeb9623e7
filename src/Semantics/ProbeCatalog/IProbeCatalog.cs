using System.Collections.Immutable;
using BtLang.Semantics.ProbeCatalog.Btf;
using BtLang.Semantics.ProbeCatalog.Dwarf;
using BtLang.Semantics.ProbeCatalog.Elf;
using BtLang.Semantics.ProbeCatalog.PerfEvents;
using BtLang.Semantics.ProbeCatalog.Tracepoints;
using BtLang.Semantics.ProbeCatalog.Usdt;

namespace BtLang.Semantics.ProbeCatalog;

/// <summary>
/// What probes exist on this system and what they carry: tracepoints and their fields, kernel BTF (raw tracepoint and
/// kernel function signatures, struct layouts), kernel functions, user binaries' function symbols and USDT probes,
/// software/hardware events. Read-only: it never mounts or changes anything, needs no root (it says what it could
/// not read), and never loads LLVM or libbpf. Used by the binder, the driver (<c>-l</c>, attach expansion) and the
/// language server. Implementations are thread-safe.
/// </summary>
public interface IProbeCatalog
{
    /// <summary>The state of tracefs.</summary>
    TracefsStatus TracefsStatus { get; }

    /// <summary>Where the tracepoints come from (live tracefs, the bundled catalog, or nothing).</summary>
    TracepointSource TracepointSource { get; }

    /// <summary>Every tracepoint, sorted as bpftrace lists them.</summary>
    IReadOnlyList<TracepointName> Tracepoints { get; }

    /// <summary>The tracepoint with its fields, or null if unknown.</summary>
    TracepointEvent? GetTracepoint(string category, string name);

    /// <summary>The kernel's BTF (vmlinux), or null if it is not readable (see <see cref="KernelBtfError"/>).</summary>
    BtfTypeTable? KernelBtf { get; }

    /// <summary>Why <see cref="KernelBtf"/> is null, or null.</summary>
    string? KernelBtfError { get; }

    /// <summary>A module's split BTF on top of vmlinux, or null.</summary>
    BtfTypeTable? GetModuleBtf(string module);

    /// <summary>Names of kernel modules that have BTF.</summary>
    IReadOnlyList<string> BtfModules { get; }

    /// <summary>Traceable kernel functions (sorted, distinct) and where they came from.</summary>
    IReadOnlyList<string> KernelFunctions { get; }

    /// <summary>The source of <see cref="KernelFunctions"/>.</summary>
    KernelFunctionSource KernelFunctionSource { get; }

    /// <summary>A kernel function's BTF signature (fentry/fexit <c>args</c>), or null.</summary>
    BtfFunctionSignature? GetKernelFunction(string name);

    /// <summary>Raw tracepoint names (from the <c>btf_trace_*</c> typedefs of BTF), sorted.</summary>
    IReadOnlyList<string> RawTracepoints { get; }

    /// <summary>A raw tracepoint's arguments from BTF (context pointer skipped), or null if unknown.</summary>
    ImmutableArray<BtfParameter>? GetRawTracepointArguments(string name);

    /// <summary>Iterator names (<c>task</c>, <c>task_file</c>, ...) from BTF's <c>bpf_iter__*</c> structs.</summary>
    IReadOnlyList<string> Iterators { get; }

    /// <summary>Resolves a uprobe/usdt binary (path, program on PATH, or library name such as <c>libc</c>); with a
    /// pid, libraries mapped by that process are preferred. Null if nothing matches.</summary>
    string? ResolveBinary(string nameOrPath, int? pid = null);

    /// <summary>Loads (and caches by path, size and mtime) an ELF binary's symbols and USDT probes.</summary>
    bool TryGetBinary(string path, out ElfBinary binary, out string error);

    /// <summary>A user function's parameters from the binary's DWARF debug info (uprobe <c>args</c>, <c>-lv</c>).
    /// False with a reason (<c>No debuginfo found for ...</c>, no such function) otherwise; a found function has
    /// <paramref name="function"/> set.</summary>
    bool TryGetUserFunction(string path, string name, out DwarfFunction function, out string error);

    /// <summary>Software events.</summary>
    ImmutableArray<PerfEventInfo> SoftwareEvents { get; }

    /// <summary>Hardware events.</summary>
    ImmutableArray<PerfEventInfo> HardwareEvents { get; }
}
