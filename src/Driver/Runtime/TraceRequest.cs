using BtLang.Driver.Attach;
using BtLang.Driver.Output;
using BtLang.Emit.Metadata;

namespace BtLang.Driver.Runtime;

/// <summary>Everything <see cref="TraceSession"/> needs to run one compiled program.</summary>
internal sealed record TraceRequest
{
    public required byte[] ObjectFile { get; init; }

    public required ObjectMetadata Metadata { get; init; }

    public required IOutputWriter Output { get; init; }

    public required TextWriter Errors { get; init; }

    public bool Quiet { get; init; }

    public bool Verbose { get; init; }

    /// <summary><c>-v</c> or <c>-d libbpf</c>: say how the probes were attached (syscall tracepoints routed through raw_syscalls).</summary>
    public bool ExplainAttach { get; init; }

    /// <summary><c>--no-warnings</c>: warnings found while running (skipped probes, full maps) are not printed.</summary>
    public bool NoWarnings { get; init; }

    /// <summary>Load and check every attach point, attach nothing, then exit.</summary>
    public bool DryRun { get; init; }

    public bool AllowUnsafe { get; init; }

    /// <summary>Print <c>__BPFTRACE_NOTIFY_PROBES_ATTACHED</c> on stdout once attached (test harnesses).</summary>
    public bool NotifyAttached { get; init; }

    /// <summary><c>-p PID</c>.</summary>
    public int? Pid { get; init; }

    /// <summary><c>-c CMD</c>.</summary>
    public string? ChildCommand { get; init; }

    public MissingProbePolicy MissingProbes { get; init; } = MissingProbePolicy.Error;

    /// <summary>The <c>cpp_demangle</c> config (see <see cref="Attach.AttachOptions.CppDemangle"/>).</summary>
    public bool CppDemangle { get; init; } = true;

    /// <summary>Size of the buffer that captures a verifier log on load failure.</summary>
    public int LogSize { get; init; } = 1_000_000;
}
