namespace BtLang.Emit;

/// <summary>Options of one emission.</summary>
public sealed record EmitOptions
{
    public static EmitOptions Default { get; } = new();

    /// <summary>Run LLVM's <c>default&lt;O2&gt;</c> pipeline (on by default, like bpftrace).</summary>
    public bool Optimize { get; init; } = true;

    /// <summary>
    /// Verify the module before optimisation and report problems as BT2002 (on by default: LLVM's back end may crash
    /// the process on invalid IR, so a code generator bug must become a diagnostic, not a SIGSEGV). bpftrace's
    /// <c>--verify-llvm-ir</c> flag is accepted and changes nothing.
    /// </summary>
    public bool VerifyIr { get; init; } = true;

    /// <summary>Keep the textual IR (before and after optimisation) in the result, for <c>-d</c>.</summary>
    public bool KeepIr { get; init; }

    /// <summary>
    /// Emit the <c>-p PID</c> check (the config's target pid) in every probe but BEGIN/END. On by default, so an object
    /// written by <c>btlang compile</c> can run with <c>btlang run x.o -p PID</c>; the driver turns it off when it
    /// compiles a script for a run without <c>-p</c>, which saves each program the check.
    /// </summary>
    public bool PidFilter { get; init; } = true;

    /// <summary>Resolves a kernel symbol to its address at compile time (<c>kaddr()</c>); null when unknown.</summary>
    public Func<string, ulong?>? ResolveKernelSymbol { get; init; }

    /// <summary>Resolves <c>(binary, symbol)</c> to its address at compile time (<c>uaddr()</c>); null when unknown.</summary>
    public Func<string, string, ulong?>? ResolveUserSymbol { get; init; }

    /// <summary>Resolves a cgroup path to its id at compile time (<c>cgroupid()</c>); null when unknown.</summary>
    public Func<string, ulong?>? ResolveCgroupId { get; init; }
}
