namespace BtLang.Driver.Output;

/// <summary>
/// Runtime services the <see cref="ValueDecoder"/> needs to turn raw BPF values into printable ones: symbols, stack
/// maps, user and cgroup names, probe names and the boot clock. The driver's runtime implements it; tests use fakes.
/// Every method returns something printable (a hex address, the number as text) rather than failing.
/// </summary>
public interface ISymbolResolver
{
    /// <summary>Kernel symbol of <paramref name="address"/>: <c>do_sys_open</c>, or <c>do_sys_open+12</c> with an offset.</summary>
    string KernelSymbol(ulong address, bool withOffset);

    /// <summary>
    /// User symbol of <paramref name="address"/> in process <paramref name="pid"/>; with <paramref name="withModule"/>
    /// (perf stack mode) followed by <c> (/path/to/module)</c>.
    /// </summary>
    string UserSymbol(int pid, ulong address, bool withOffset, bool withModule);

    /// <summary>Frame addresses (innermost first, no trailing zeros) of kernel stack <paramref name="stackId"/> in the
    /// stack-trace map named <paramref name="stackMap"/>; empty when the id is negative or unknown.</summary>
    IReadOnlyList<ulong> KernelStack(string stackMap, long stackId);

    /// <summary>As <see cref="KernelStack"/>, for a user stack of process <paramref name="pid"/>.</summary>
    IReadOnlyList<ulong> UserStack(string stackMap, long stackId, int pid);

    /// <summary>User name of <paramref name="uid"/> (from /etc/passwd), or the number as text.</summary>
    string UserName(ulong uid);

    /// <summary>Path of cgroup <paramref name="cgroupId"/> (cgroup v2), e.g. <c>/user.slice/user-0.slice</c>.</summary>
    string CgroupPath(ulong cgroupId);

    /// <summary>Probe name for the <c>probe</c> builtin's index (<see cref="BtLang.Emit.Metadata.ObjectMetadata.ProbeNames"/>).</summary>
    string ProbeName(ulong index);

    /// <summary>Local wall-clock time of a boot-clock timestamp in nanoseconds (<c>bpf_ktime_get_boot_ns</c>).</summary>
    DateTime BootTimeToLocalTime(ulong bootNanoseconds);
}
