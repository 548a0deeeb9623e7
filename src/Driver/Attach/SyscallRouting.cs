using System.Collections.Immutable;
using BtLang.Driver.LibBpf;

namespace BtLang.Driver.Attach;

/// <summary>
/// Routed syscall tracepoints, in the kernel: per direction a program array filled with the user's programs, the
/// dispatcher that jumps through it, and the dispatcher's link to <c>raw_syscalls:sys_enter</c>/<c>sys_exit</c>.
/// The links are detached with the run's other links (<see cref="AttachedProbes"/>); <see cref="Dispose"/> then
/// closes the arrays and dispatchers (detaching the links first when that has not happened).
/// </summary>
public sealed class SyscallRouting : IDisposable
{
    private readonly ImmutableArray<IDisposable> _owned;
    private int _disposed;

    internal SyscallRouting(ImmutableArray<SyscallRoute> routes, ImmutableArray<BpfLink> links, ImmutableArray<IDisposable> owned)
    {
        Routes = routes;
        Links = links;
        _owned = owned;
        DispatcherProgramIds = [.. owned.OfType<BpfRawProgram>().Select(p => p.GetKernelId())];
    }

    /// <summary>The kernel's IDs of the dispatcher programs (as <c>bpftool prog show</c> lists them).</summary>
    public ImmutableArray<uint> DispatcherProgramIds { get; }

    /// <summary>The syscall tracepoints routed.</summary>
    public ImmutableArray<SyscallRoute> Routes { get; }

    /// <summary>The dispatchers' links (one per direction used).</summary>
    public ImmutableArray<BpfLink> Links { get; }

    public int EnterCount => Routes.Count(r => !r.IsExit);

    public int ExitCount => Routes.Count(r => r.IsExit);

    /// <summary>The <c>-v</c> line that says what was routed.</summary>
    public string Describe()
    {
        var through = new List<string>();
        if (EnterCount > 0)
        {
            through.Add($"raw_syscalls:sys_enter ({EnterCount} sys_enter_*)");
        }

        if (ExitCount > 0)
        {
            through.Add($"raw_syscalls:sys_exit ({ExitCount} sys_exit_*)");
        }

        return $"syscall tracepoints: {Routes.Length} routed through {string.Join(" and ", through)}: " +
            $"{Links.Length} perf event{(Links.Length == 1 ? string.Empty : "s")} and a tail call by syscall number instead of one perf event per tracepoint";
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        ParallelDetacher.DetachAll(Links);
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }
    }
}
