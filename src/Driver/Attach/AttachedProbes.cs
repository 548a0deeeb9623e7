using System.Collections.Immutable;

namespace BtLang.Driver.Attach;

/// <summary>
/// Everything one run attached. <see cref="StopAll"/> stops every program from running (fast for tracepoints and
/// perf events: call it first on exit, then read and print the maps); <see cref="DetachAll"/> (or Dispose)
/// detaches everything in parallel, which on this kernel costs ~40 ms per tracepoint, serialized by the kernel.
/// Both are safe to call more than once and from a signal-handling thread.
/// </summary>
public sealed class AttachedProbes : IDisposable
{
    private readonly int _parallelism;
    private int _detached;
    private int _stopped;

    internal AttachedProbes(ImmutableArray<LibBpf.BpfLink> links, int attachPointCount, int parallelism, SyscallRouting? syscallRouting = null)
    {
        Links = links;
        SyscallRouting = syscallRouting;
        AttachPointCount = attachPointCount;
        _parallelism = parallelism;
    }

    public ImmutableArray<LibBpf.BpfLink> Links { get; }

    /// <summary>The syscall tracepoints routed through raw_syscalls, or null (its dispatcher links are in <see cref="Links"/>).</summary>
    public SyscallRouting? SyscallRouting { get; }

    /// <summary>The number bpftrace prints in <c>Attached N probes</c> (routed syscall tracepoints count one each).</summary>
    public int AttachPointCount { get; }

    public bool IsDetached => Volatile.Read(ref _detached) != 0;

    public bool IsStopped => Volatile.Read(ref _stopped) != 0;

    public DetachReport StopAll()
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0 || IsDetached)
        {
            return new DetachReport(0, TimeSpan.Zero, ImmutableArray<BtLang.Diagnostics.Diagnostic>.Empty);
        }

        return ParallelDetacher.StopAll(Links, _parallelism);
    }

    /// <summary>
    /// <c>unwatch(addr)</c>: stops the watchpoint links on <paramref name="address"/> (their descriptions are the
    /// attach points, <c>watchpoint:0xADDR:LEN:MODE</c>); the rest keep running. Returns how many were stopped.
    /// </summary>
    public int StopWatchpoints(ulong address)
    {
        int stopped = 0;
        foreach (var link in Links)
        {
            var parts = link.Description.Split(':');
            if (parts.Length >= 2 && parts[0] is "watchpoint" or "w" && !link.IsStopped &&
                ulong.TryParse(parts[1].StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? parts[1][2..] : parts[1],
                    parts[1].StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? System.Globalization.NumberStyles.HexNumber : System.Globalization.NumberStyles.None,
                    System.Globalization.CultureInfo.InvariantCulture, out ulong watched) &&
                watched == address)
            {
                link.Stop();
                stopped++;
            }
        }

        return stopped;
    }

    public DetachReport DetachAll()
    {
        if (Interlocked.Exchange(ref _detached, 1) != 0)
        {
            return new DetachReport(0, TimeSpan.Zero, ImmutableArray<BtLang.Diagnostics.Diagnostic>.Empty);
        }

        var report = ParallelDetacher.DetachAll(Links, _parallelism);
        SyscallRouting?.Dispose(); // the program arrays and dispatchers, once their links are gone
        return report;
    }

    public void Dispose() => DetachAll();
}
