using System.Diagnostics;

namespace BtLang.Runtime.Tests.Reliability;

/// <summary>Every syscall tracepoint, maps keyed by comm and tid, 60 s of load: memory stays flat, counts stay exact.</summary>
public sealed class SoakTests
{
    [SoakFact]
    public void AllSyscallsForAMinuteKeepMemoryFlatAndCountsExact()
    {
        var stop = Stopwatch.StartNew();
        using var workload = new Workload(0, () => stop.Elapsed < TimeSpan.FromSeconds(60));
        using var btlang = BtlangProcess.Start("-e",
            "tracepoint:syscalls:sys_enter_* { @[comm, tid] = count(); @total = count(); } " +
            $"tracepoint:syscalls:sys_enter_getpid /tid == {workload.Tid}/ {{ @calls = count(); }}");
        btlang.WaitUntilAttached();
        var ids = Leftovers.ProgramIdsOf(btlang.Pid);
        stop.Restart();
        workload.Start();
        var samples = new List<long>();
        while (stop.Elapsed < TimeSpan.FromSeconds(60))
        {
            Thread.Sleep(1000);
            samples.Add(RssKb(btlang.Pid));
        }

        workload.WaitUntilDone(TimeSpan.FromSeconds(30));
        btlang.Signal(KernelFacts.SigInt);
        int code = btlang.WaitForExit(TimeSpan.FromSeconds(120));

        Assert.True(code == 0, btlang.Stderr);
        Assert.True(workload.Calls > 10_000, $"workload made only {workload.Calls} calls");
        var calls = System.Text.RegularExpressions.Regex.Match(btlang.Stdout, @"^@calls: (\d+)$", System.Text.RegularExpressions.RegexOptions.Multiline);
        Assert.True(calls.Success, "no @calls line");
        // Exact, unless the kernel skipped runs of the probe (another BPF program busy on that CPU): then btlang must
        // have said how many, and exactly those may be missing.
        var skipped = System.Text.RegularExpressions.Regex.Match(btlang.Stderr, @"^WARNING: the kernel skipped tracepoint:syscalls:sys_enter_getpid (\d+) times", System.Text.RegularExpressions.RegexOptions.Multiline);
        long misses = skipped.Success ? long.Parse(skipped.Groups[1].Value) : 0;
        Assert.InRange(long.Parse(calls.Groups[1].Value), workload.Calls - misses, workload.Calls);
        // The map keyed by comm and tid agrees: the workload thread made its getpid() calls and only a handful of
        // other syscalls (waking up, ending).
        var byThread = System.Text.RegularExpressions.Regex.Match(btlang.Stdout, $@"^@\[[^,\n]*, {workload.Tid}\]: (\d+)$", System.Text.RegularExpressions.RegexOptions.Multiline);
        Assert.True(byThread.Success, btlang.Stdout.Length > 4000 ? btlang.Stdout[..4000] : btlang.Stdout);
        long threadCount = long.Parse(byThread.Groups[1].Value);
        long allMisses = System.Text.RegularExpressions.Regex.Matches(btlang.Stderr, @"^WARNING: the kernel skipped .* (\d+) times", System.Text.RegularExpressions.RegexOptions.Multiline)
            .Sum(m => long.Parse(m.Groups[1].Value));
        Assert.InRange(threadCount, workload.Calls - allMisses, workload.Calls + 100);
        long early = samples.Skip(5).Take(5).Max();
        long late = samples.Skip(samples.Count - 10).Max();
        Assert.True(late <= early + early / 5 + 16 * 1024, $"RSS grew from {early} kB to {late} kB: {string.Join(' ', samples)}");
        Leftovers.AssertNoneLeft(ids);
    }

    private static long RssKb(int pid)
    {
        foreach (string line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
            }
        }

        return 0;
    }
}
