using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using BtLang.Diagnostics;
using BtLang.Driver.LibBpf;

namespace BtLang.Driver.Attach;

/// <summary>
/// Detaches many links at once. Each <c>bpf_link__destroy</c> of a perf-event-based link waits for an RCU grace
/// period (60-250 ms here); on dedicated threads those waits overlap, so 300 links take about as long as a few.
/// </summary>
public static class ParallelDetacher
{
    /// <summary>Detaches every link completely (program and perf event).</summary>
    public static DetachReport DetachAll(IReadOnlyList<BpfLink> links, int parallelism = 64) =>
        Run(links, parallelism, static link => link.Detach());

    /// <summary>
    /// Stops every link: afterwards no program runs for them. Fast for links that can stop quickly
    /// (<see cref="BpfLink.CanStopQuickly"/>); the rest are detached fully, in parallel.
    /// </summary>
    public static DetachReport StopAll(IReadOnlyList<BpfLink> links, int parallelism = 64) =>
        Run(links, parallelism, static link => link.Stop());

    private static DetachReport Run(IReadOnlyList<BpfLink> links, int parallelism, Func<BpfLink, int> action)
    {
        var stopwatch = Stopwatch.StartNew();
        var warnings = new ConcurrentBag<Diagnostic>();
        int threadCount = Math.Clamp(Math.Min(parallelism, links.Count), 1, 256);
        if (links.Count <= 1 || threadCount == 1)
        {
            foreach (var link in links)
            {
                Apply(link, action, warnings);
            }
        }
        else
        {
            int next = -1;
            var threads = new Thread[threadCount];
            for (int t = 0; t < threadCount; t++)
            {
                threads[t] = new Thread(() =>
                {
                    int index;
                    while ((index = Interlocked.Increment(ref next)) < links.Count)
                    {
                        Apply(links[index], action, warnings);
                    }
                }, maxStackSize: 256 * 1024)
                {
                    IsBackground = true,
                    Name = "btlang-detach",
                };
                threads[t].Start();
            }

            foreach (var thread in threads)
            {
                thread.Join();
            }
        }

        return new DetachReport(links.Count, stopwatch.Elapsed, warnings.ToImmutableArray());
    }

    private static void Apply(BpfLink link, Func<BpfLink, int> action, ConcurrentBag<Diagnostic> warnings)
    {
        if (link.IsDetached)
        {
            return;
        }

        int errno = action(link);
        if (errno != 0)
        {
            warnings.Add(Diagnostic.Create(LibBpfDiagnostics.DetachFailed, Location.None, link.Description, LibBpfErrors.Describe(errno)));
        }
    }
}
