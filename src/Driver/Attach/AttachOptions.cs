namespace BtLang.Driver.Attach;

/// <summary>Settings of a <see cref="ProbeAttacher"/>.</summary>
public sealed record AttachOptions
{
    public static readonly AttachOptions Default = new();

    /// <summary>The traced process (<c>-p PID</c> or the <c>-c</c> child): scopes uprobes, USDT and watchpoints.</summary>
    public int? Pid { get; init; }

    /// <summary>
    /// The <c>-c</c> child (started stopped, before it execs the command): watchpoints watch its memory when no
    /// <see cref="Pid"/> is given. Uprobes and USDT stay system-wide with <c>-c</c>, as in bpftrace 0.17.
    /// </summary>
    public int? ChildPid { get; init; }

    public MissingProbePolicy MissingProbes { get; init; } = MissingProbePolicy.Error;

    /// <summary>
    /// The <c>cpp_demangle</c> config: whether uprobe function names and wildcards also match C++ functions by their
    /// demangled names (<c>app::compute*</c>). When false only the symbol table's (mangled) names match, as in bpftrace.
    /// </summary>
    public bool CppDemangle { get; init; } = true;

    /// <summary>Threads used to detach links in parallel (detaching waits for RCU grace periods, not for CPU).</summary>
    public int DetachParallelism { get; init; } = 64;

    /// <summary>
    /// Route the syscall tracepoints through raw_syscalls (<see cref="SyscallRouter"/>) when at least this many can
    /// be routed; null never routes.
    /// </summary>
    public int? SyscallRoutingThreshold { get; init; } = SyscallRouter.DefaultThreshold;

    /// <summary>The kernel's features; null means <see cref="KernelFeatures.Current"/>.</summary>
    public KernelFeatures? Features { get; init; }
}
