using System.Collections.Immutable;

namespace BtLang.Driver.Attach;

/// <summary>
/// Everything one run attached. <see cref="DetachAll"/> (or Dispose) detaches it all in parallel; safe to call
/// more than once and from a signal-handling thread.
/// </summary>
public sealed class AttachedProbes : IDisposable
{
    private readonly int _parallelism;
    private int _detached;

    internal AttachedProbes(ImmutableArray<LibBpf.BpfLink> links, int attachPointCount, int parallelism)
    {
        Links = links;
        AttachPointCount = attachPointCount;
        _parallelism = parallelism;
    }

    public ImmutableArray<LibBpf.BpfLink> Links { get; }

    /// <summary>The number bpftrace prints in <c>Attached N probes</c>.</summary>
    public int AttachPointCount { get; }

    public bool IsDetached => Volatile.Read(ref _detached) != 0;

    public DetachReport DetachAll()
    {
        if (Interlocked.Exchange(ref _detached, 1) != 0)
        {
            return new DetachReport(0, TimeSpan.Zero, ImmutableArray<BtLang.Diagnostics.Diagnostic>.Empty);
        }

        return ParallelDetacher.DetachAll(Links, _parallelism);
    }

    public void Dispose() => DetachAll();
}
