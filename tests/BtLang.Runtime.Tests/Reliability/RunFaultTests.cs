using System.Diagnostics;

namespace BtLang.Runtime.Tests.Reliability;

/// <summary>
/// Ending a run from outside (signals, the -c child, the -p process) and running under an event storm: END runs,
/// maps print once, the exit code is bpftrace's, and nothing stays attached (checked by program id afterwards).
/// </summary>
public sealed class RunFaultTests
{
    private const string CountingScript =
        "tracepoint:syscalls:sys_enter_getpid /tid == {0}/ {{ @calls = count(); @by[comm, tid] = count(); }} END {{ printf(\"end ran\\n\"); }}";

    [KernelTheory]
    [InlineData(KernelFacts.SigInt, false)]
    [InlineData(KernelFacts.SigTerm, false)]
    [InlineData(KernelFacts.SigHup, false)]
    [InlineData(KernelFacts.SigInt, true)]
    [InlineData(KernelFacts.SigTerm, true)]
    public void SignalEndsTheRunCleanly(int signal, bool inheritedAsIgnored)
    {
        // A background job of a non-interactive shell starts with SIGINT ignored; bpftrace still ends on it.
        using var workload = new Workload(1000);
        string script = string.Format(CountingScript, workload.Tid);
        using var btlang = inheritedAsIgnored
            ? BtlangProcess.StartWithSignalsIgnored("INT TERM", "-e", script)
            : BtlangProcess.Start("-e", script);
        btlang.WaitUntilAttached();
        var ids = Leftovers.ProgramIdsOf(btlang.Pid);
        Assert.NotEmpty(ids);
        workload.Start();
        workload.WaitUntilDone(TimeSpan.FromSeconds(30));
        btlang.Signal(signal);
        int code = btlang.WaitForExit(TimeSpan.FromSeconds(30));

        Assert.True(code == 0, btlang.Stderr);
        AssertEndedOnce(btlang.Stdout, 1000);
        Leftovers.AssertNoneLeft(ids);
    }

    [KernelFact]
    public void ChildExitingEndsTheRun()
    {
        string sleep = KernelFacts.UniqueCopyOf("/bin/sleep", out string comm);
        using var btlang = BtlangProcess.Start("-e",
            "tracepoint:syscalls:sys_enter_clock_nanosleep /pid == cpid/ { @naps = count(); } END { printf(\"end ran\\n\"); }",
            "-c", sleep + " 0.3");
        btlang.WaitUntilAttached();
        var ids = Leftovers.ProgramIdsOf(btlang.Pid);
        int code = btlang.WaitForExit(TimeSpan.FromSeconds(30));

        Assert.True(code == 0, btlang.Stderr);
        Assert.Equal(1, Occurrences(btlang.Stdout, "end ran\n"));
        Assert.Equal(1, Occurrences(btlang.Stdout, "@naps: 1\n"));
        Leftovers.AssertNoneLeft(ids);
    }

    [KernelFact]
    public void ChildKilledEndsTheRun()
    {
        string sleep = KernelFacts.UniqueCopyOf("/bin/sleep", out string comm);
        using var btlang = BtlangProcess.Start("-e",
            "tracepoint:syscalls:sys_enter_clock_nanosleep /pid == cpid/ { @naps = count(); } END { printf(\"end ran\\n\"); }",
            "-c", sleep + " 60");
        btlang.WaitUntilAttached();
        var ids = Leftovers.ProgramIdsOf(btlang.Pid);
        int child = ChildOf(btlang.Pid, comm);
        Thread.Sleep(300); // let it start its nap
        Assert.Equal(0, kill(child, 9));
        int code = btlang.WaitForExit(TimeSpan.FromSeconds(30));

        Assert.True(code == 0, btlang.Stderr);
        Assert.Equal(1, Occurrences(btlang.Stdout, "end ran\n"));
        Assert.Equal(1, Occurrences(btlang.Stdout, "@naps: 1\n"));
        Leftovers.AssertNoneLeft(ids);
    }

    [KernelFact]
    public void SecondSigintForcesAQuickExitThatLeavesNothingAttached()
    {
        // Every syscall tracepoint: detaching several hundred links usually takes seconds (the kernel waits for RCU
        // grace periods), which is the slow exit to interrupt (so they are not routed through raw_syscalls, which
        // would make the exit quick). Sometimes the kernel is quick and the exit ends before
        // the second SIGINT: that run proves nothing about it, so it is tried again (at most three runs).
        var outcomes = new List<string>();
        for (int attempt = 0; attempt < 3; attempt++)
        {
            using var btlang = BtlangProcess.Start(["-e", "tracepoint:syscalls:sys_enter_* /pid == 1/ { @[probe] = count(); }"], null,
                ("BTLANG_SYSCALL_ROUTING", "never"));
            btlang.WaitUntilAttached();
            var ids = Leftovers.ProgramIdsOf(btlang.Pid);
            Assert.NotEmpty(ids);
            btlang.Signal(KernelFacts.SigInt);
            Thread.Sleep(100); // the first SIGINT's handler has run: the exit (stop, END, maps, detach) has begun
            var clock = Stopwatch.StartNew();
            bool stillExiting = IsRunning(btlang.Pid);
            btlang.Signal(KernelFacts.SigInt);
            int code = btlang.WaitForExit(TimeSpan.FromSeconds(30));
            Leftovers.AssertNoneLeft(ids);
            if (!stillExiting && code == 0)
            {
                outcomes.Add("the exit ended before the second SIGINT");
                continue;
            }

            // 130: the second SIGINT ended the process (a normal end is 0). How fast it goes is bounded by the kernel,
            // which releases the links of an exiting process one by one, as it does for a normal detach.
            Assert.True(code == 130, $"exit {code} after {clock.Elapsed}\n{btlang.Stderr}");
            return;
        }

        Assert.Fail(string.Join("; ", outcomes));
    }

    [KernelFact]
    public void TracedPidExitingMidRunEndsAndPrintsThenFailsWithOneLine()
    {
        string sleep = KernelFacts.UniqueCopyOf("/bin/sleep", out _);
        using var target = Process.Start(new ProcessStartInfo(sleep, "60") { UseShellExecute = false })!;
        using var btlang = BtlangProcess.Start("-p", target.Id.ToString(), "-e",
            "BEGIN { @started = 1; } tracepoint:syscalls:sys_enter_getpid /pid == " + target.Id + "/ { @ = count(); } END { printf(\"end ran\\n\"); }");
        btlang.WaitUntilAttached();
        var ids = Leftovers.ProgramIdsOf(btlang.Pid);
        target.Kill(); // our own workload ends mid-run (a timed exit raced btlang's start-up on a loaded machine)
        target.WaitForExit();
        int code = btlang.WaitForExit(TimeSpan.FromSeconds(30));

        // END ran and the maps printed (on stdout), then one error line on stderr and exit 1.
        Assert.True(code == 1, btlang.Stderr);
        Assert.Equal(1, Occurrences(btlang.Stdout, "end ran\n"));
        Assert.Matches(@"end ran\n\n*@started: 1\n", btlang.Stdout);
        var errors = btlang.Stderr.Split('\n').Where(l => l.StartsWith("ERROR", StringComparison.Ordinal)).ToList();
        Assert.Equal([$"ERROR: the traced process {target.Id} (-p {target.Id}) exited; tracing stopped"], errors);
        Assert.DoesNotContain("exited", btlang.Stdout);
        Leftovers.AssertNoneLeft(ids);
    }

    [KernelFact]
    public void NonexistentPidIsOneClearError()
    {
        var (code, _, stderr) = BtlangProcess.Run("-p", "999999999", "-e", "tracepoint:syscalls:sys_enter_getpid { @ = count(); }");
        Assert.Equal(1, code);
        Assert.Contains("999999999", stderr);
    }

    [KernelFact]
    public void EventStormKeepsRunningReportsLostEventsAndCountsStayExact()
    {
        // A one-page ring buffer and a printf on every syscall of the machine (btlang's own output writes included):
        // the ring overflows for sure, while the map counts the workload thread's getpid calls exactly.
        // The run ends through exit() in the middle of the storm: its ring buffer event may well be lost, and the
        // driver must notice the exit through the config map instead.
        const int calls = 200_000;
        using var workload = new Workload(calls);
        int self = gettid();
        using var btlang = BtlangProcess.Start("-e",
            "config = { perf_rb_pages = 1 } " +
            "tracepoint:raw_syscalls:sys_enter { printf(\"%s %d %d %d\\n\", comm, pid, tid, nsecs); } " +
            $"tracepoint:syscalls:sys_enter_getpid /tid == {workload.Tid}/ {{ @calls = count(); }} " +
            $"tracepoint:syscalls:sys_enter_getppid /tid == {self}/ {{ exit(3); }}");
        btlang.WaitUntilAttached();
        var ids = Leftovers.ProgramIdsOf(btlang.Pid);
        workload.Start();
        workload.WaitUntilDone(TimeSpan.FromSeconds(60));
        getppid();
        int code = btlang.WaitForExit(TimeSpan.FromSeconds(30));

        Assert.True(code == 3, btlang.Stderr);
        Assert.Matches(@"Lost [1-9]\d* events", btlang.Stderr + btlang.Stdout);
        Assert.Contains($"@calls: {calls}\n", btlang.Stdout);
        Leftovers.AssertNoneLeft(ids);
    }

    [KernelFact]
    public void SignalUnderAnEventStormIsSeen()
    {
        // Without a bound on each poll, libbpf keeps consuming a ring that never empties (btlang's own output writes
        // feed the probe) and neither signals nor exit() are ever looked at.
        using var btlang = BtlangProcess.Start("-e", "tracepoint:raw_syscalls:sys_enter { printf(\"%s %d %d %d\\n\", comm, pid, tid, nsecs); }");
        btlang.WaitUntilAttached();
        var ids = Leftovers.ProgramIdsOf(btlang.Pid);
        Thread.Sleep(1500);
        var clock = Stopwatch.StartNew();
        btlang.Signal(KernelFacts.SigTerm);
        int code = btlang.WaitForExit(TimeSpan.FromSeconds(40));
        Assert.True(code == 0, btlang.Stderr);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
        Leftovers.AssertNoneLeft(ids);
    }

    internal static void AssertEndedOnce(string stdout, int calls)
    {
        Assert.Equal(1, Occurrences(stdout, "end ran\n"));
        Assert.Equal(1, Occurrences(stdout, $"@calls: {calls}\n"));
        Assert.Equal(1, Occurrences(stdout, "@by["));
    }

    internal static int Occurrences(string text, string part)
    {
        int count = 0;
        for (int at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    /// <summary>True while the process exists and is not a zombie.</summary>
    private static bool IsRunning(int pid)
    {
        try
        {
            return File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("State:", StringComparison.Ordinal)) is { } state
                && !state.Contains('Z');
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>The pid of the -c child (a descendant of btlang whose comm is the unique workload name).</summary>
    private static int ChildOf(int parent, string comm)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            foreach (string task in Directory.EnumerateDirectories($"/proc/{parent}/task"))
            {
                string children = File.Exists(task + "/children") ? File.ReadAllText(task + "/children") : string.Empty;
                foreach (string pid in children.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    string name = File.Exists($"/proc/{pid}/comm") ? File.ReadAllText($"/proc/{pid}/comm").Trim() : string.Empty;
                    if (name == comm)
                    {
                        return int.Parse(pid);
                    }
                }
            }

            Thread.Sleep(20);
        }

        throw new InvalidOperationException("the -c child did not show up");
    }

    [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);

    [System.Runtime.InteropServices.DllImport("libc")]
    private static extern int gettid();

    [System.Runtime.InteropServices.DllImport("libc")]
    private static extern int getppid();
}
