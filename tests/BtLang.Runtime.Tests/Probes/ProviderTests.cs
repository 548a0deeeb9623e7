using System.Diagnostics;
using System.Text.RegularExpressions;
using static BtLang.Runtime.Tests.Probes.CheckedRun;

namespace BtLang.Runtime.Tests.Probes;

/// <summary>
/// One end-to-end test per probe provider that works on this kernel, through the built <c>btlang</c>: each traces a
/// workload the test starts (Fixtures/workload.c) and checks exact values, and ends with nothing of ours loaded.
/// </summary>
public sealed class ProviderTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    private static string W => Workload.Path;

    [KernelFact]
    public void TracepointWildcardCountsExactlyAndProbeNamesTheMatch()
    {
        var (code, stdout, stderr) = RunChecked("-e", "tracepoint:syscalls:sys_enter_getpi* /pid == cpid/ { @[probe] = count(); }", "-c", $"{W} 5 go");
        Assert.True(code == 0, stderr);
        Assert.Equal(new[] { "@[tracepoint:syscalls:sys_enter_getpid]: 5" }, Lines(stdout, "@"));
    }

    [KernelFact]
    public void TracepointArgsWithDotArrowAndStr()
    {
        // Zero rounds: the workload exits with status 1 (total == 0).
        string script =
            "tracepoint:syscalls:sys_enter_execve /pid == cpid/ { printf(\"exec %s\\n\", str(args.filename)); }\n" +
            "tracepoint:syscalls:sys_enter_exit_group /pid == cpid/ { printf(\"exit %d %d\\n\", args.error_code, args->error_code); }";
        var (code, stdout, stderr) = RunChecked("-e", script, "-c", $"{W} 0 go");
        Assert.True(code == 0, stderr);
        Assert.Equal(new[] { "exit 1 1" }, Lines(stdout, "exit "));
        Assert.Contains($"exec {W}", Lines(stdout, "exec "));
    }

    [KernelFact]
    public void RawTracepointCountsExecsOfTheWorkload()
    {
        var before = KernelFacts.LoadedPrograms();
        using var btlang = BtlangProcess.Start("-e", $"rawtracepoint:sched_process_exec /comm == \"{Workload.Comm}\"/ {{ @execs = count(); @nonzero = sum(arg0 != 0); }}");
        btlang.WaitUntilAttached();
        KernelFacts.RunWorkload(W, "0 go", 3);
        btlang.Signal(KernelFacts.SigInt);
        int code = btlang.WaitForExit(Bound);
        Assert.True(code == 0, btlang.Stderr);
        Assert.Equal(new[] { "@execs: 3", "@nonzero: 3" }, Lines(btlang.Stdout, "@"));
        Leaks.AssertNoneSince(before, "raw_tracepoint");
    }

    [KernelFact]
    public void UprobeByNameOffsetAndAddressAndUretprobeValues()
    {
        ulong address = Workload.AddressOf("bt_add");
        string script =
            $"uprobe:{W}:bt_add {{ printf(\"add %d %d\\n\", arg0, arg1); }}\n" +
            $"uretprobe:{W}:bt_twice {{ printf(\"twice %d\\n\", retval); }}\n" +
            // At -O0, bt_add starts with push %rbp (1 byte) and mov %rsp,%rbp (3 bytes): +4 is an instruction boundary.
            $"uprobe:{W}:bt_add+4 {{ @offset = count(); }}\n" +
            $"uprobe:{W}:0x{address:x} {{ @address = count(); }}";
        var (code, stdout, stderr) = RunChecked("-e", script, "-c", $"{W} 3 go");
        Assert.True(code == 0, stderr);
        Assert.Equal(new[] { "add 0 40", "add 1 40", "add 2 40" }, Lines(stdout, "add "));
        Assert.Equal(new[] { "twice 200", "twice 202", "twice 204" }, Lines(stdout, "twice "));
        Assert.Equal(new[] { "@address: 3", "@offset: 3" }, Lines(stdout, "@"));
        Assert.Contains("Attached 4 probes", stderr);
    }

    [KernelFact]
    public void UprobeInTheMiddleOfAnInstructionIsRefused()
    {
        // At -O0, bt_add is push %rbp (+0, 1 byte), mov %rsp,%rbp (+1, 3 bytes), mov %rdi,-0x8(%rbp) (+4): +2 is inside.
        string script = $"BEGIN {{ }}\nuprobe:{W}:bt_add+2 {{ @hits = count(); }}";
        var (code, stdout, stderr) = RunChecked("-e", script, "-c", $"{W} 2 go");
        Assert.Equal(1, code);
        Assert.Empty(stdout);
        string column = $"2:1-{$"uprobe:{W}:bt_add+2".Length + 1}";
        Assert.Equal(
            $"stdin:{column}: ERROR: Could not add uprobe into middle of instruction: {W}:bt_add+2\n" +
            $"uprobe:{W}:bt_add+2 {{ @hits = count(); }}\n" +
            new string('~', $"uprobe:{W}:bt_add+2".Length) + "\n" +
            "HINT: the nearest instructions of bt_add start at +1 and +4; --unsafe attaches anyway, at the risk of crashing the traced program\n" +
            "BT1080\n",
            stderr);
    }

    [KernelFact]
    public void UprobeInTheMiddleOfAnInstructionAttachesWithUnsafeAndAWarning()
    {
        var (code, stdout, stderr) = RunChecked("--unsafe", "-e", $"uprobe:{W}:0x{Workload.AddressOf("bt_add") + 2:x} {{ @hits = count(); }}", "-c", $"{W} 2 go");
        Assert.True(code == 0, stderr);
        Assert.StartsWith($"stdin:1:1-", stderr);
        Assert.Contains($"WARNING: Unsafe uprobe in the middle of the instruction: {W}:bt_add+2\n", stderr);
        Assert.Contains("BT1580\n", stderr);
        Assert.Contains("Attached 1 probe", stderr);
        Assert.Single(Lines(stdout, "@hits: "));
    }

    [KernelFact]
    public void UprobeOffsetOnAnInstructionBoundaryAttaches()
    {
        var (code, stdout, stderr) = RunChecked("-e", $"uprobe:{W}:bt_add+1 {{ @one = count(); }} uprobe:{W}:bt_add+4 {{ @four = count(); }}", "-c", $"{W} 3 go");
        Assert.True(code == 0, stderr);
        Assert.DoesNotContain("WARNING", stderr);
        Assert.Equal(new[] { "@four: 3", "@one: 3" }, Lines(stdout, "@"));
    }

    [KernelFact]
    public void FuncAndProbeNameTheAttachPointThatFired()
    {
        // The workload lingers, so that func (resolved at print time from /proc/PID/maps) finds it alive.
        string script = $"uprobe:{W}:bt_add, uprobe:{W}:bt_twice {{ printf(\"%s|%s\\n\", func, probe); }}";
        var (code, stdout, stderr) = RunChecked("-e", script, "-c", $"{W} 2 go 1500");
        Assert.True(code == 0, stderr);
        Assert.Equal(
            new[] { $"bt_add|uprobe:{W}:bt_add", $"bt_twice|uprobe:{W}:bt_twice", $"bt_add|uprobe:{W}:bt_add", $"bt_twice|uprobe:{W}:bt_twice" },
            Lines(stdout, "bt_"));
    }

    [KernelFact]
    public void UprobeWildcardOverSymbols()
    {
        string script = $"uprobe:{W}:bt_* {{ @calls = count(); }} uretprobe:{W}:bt_tw* {{ @returns = sum(retval); }}";
        var (code, stdout, stderr) = RunChecked("-e", script, "-c", $"{W} 3 go");
        Assert.True(code == 0, stderr);
        Assert.Equal(new[] { "@calls: 6", "@returns: 606" }, Lines(stdout, "@"));
        Assert.Contains("Attached 3 probes", stderr);
    }

    [KernelFact]
    public void UprobeOnALibraryByShortName()
    {
        var (code, stdout, stderr) = RunChecked("-e", "uprobe:libc:getpid /pid == cpid/ { @calls = count(); }", "-c", $"{W} 4 go");
        Assert.True(code == 0, stderr);
        Assert.Equal(new[] { "@calls: 4" }, Lines(stdout, "@"));
    }

    [KernelFact]
    public void UsdtArgumentsFromRegistersMemoryAndConstants()
    {
        // tick's arguments are -4@-12(%rbp) (memory) and -8@%rax (register); mem's are -4@%eax, -2@%dx, -4@$42.
        string script =
            $"usdt:{W}:btprov:tick {{ printf(\"tick %d %d %s\\n\", arg0, arg1, probe); }}\n" +
            $"usdt:{W}:mem {{ printf(\"mem %d %d %d\\n\", arg0, arg1, arg2); }}";
        var (code, stdout, stderr) = RunChecked("-e", script, "-c", $"{W} 3 go");
        Assert.True(code == 0, stderr);
        Assert.Equal(new[] { "tick 0 7 usdt:" + W + ":btprov:tick", "tick 1 1007 usdt:" + W + ":btprov:tick", "tick 2 2007 usdt:" + W + ":btprov:tick" }, Lines(stdout, "tick "));
        Assert.Equal(new[] { "mem -5 300 42", "mem -6 301 42", "mem -7 302 42" }, Lines(stdout, "mem "));
    }

    [KernelFact]
    public void ProbeBuiltinNamesTheExpandedUserProbe()
    {
        // Like bpftrace, probe is the full name of the probe that fired, not the attach point as written: usdt with its
        // provider, wildcards expanded, a library by its path.
        string script =
            $"usdt:{W}:mem {{ @noprovider[probe] = count(); }}\n" +
            $"usdt:{W}:btprov:t* {{ @usdtwild[probe] = count(); }}\n" +
            $"uprobe:{W}:bt_* {{ @uprobewild[probe] = count(); }}\n" +
            $"uretprobe:{W}:bt_tw* {{ @uretwild[probe] = count(); }}\n" +
            "uprobe:libc:getpid /pid == cpid/ { @library[probe] = count(); }";
        var (code, stdout, stderr) = RunChecked("-e", script, "-c", $"{W} 2 go");
        Assert.True(code == 0, stderr);
        var lines = Lines(stdout, "@").Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(6, lines.Length);
        Assert.Matches(@"^@library\[uprobe:/\S+/libc\.so\.6:getpid\]: 2$", lines[0]);
        Assert.Equal(
            new[]
            {
                $"@noprovider[usdt:{W}:btprov:mem]: 2",
                $"@uprobewild[uprobe:{W}:bt_add]: 2",
                $"@uprobewild[uprobe:{W}:bt_twice]: 2",
                $"@uretwild[uretprobe:{W}:bt_twice]: 2",
                $"@usdtwild[usdt:{W}:btprov:tick]: 2",
            },
            lines[1..]);
        Assert.Contains("Attached 6 probes", stderr);
    }

    [KernelFact]
    public void UsdtWildcardAttachesEveryMatchingProbe()
    {
        var (code, stdout, stderr) = RunChecked("-e", $"usdt:{W}:btprov:* {{ @fired = count(); }}", "-c", $"{W} 3 go");
        Assert.True(code == 0, stderr);
        Assert.Equal(new[] { "@fired: 9" }, Lines(stdout, "@")); // tick, mem and gated, three rounds each
    }

    [KernelFact]
    public void UsdtSemaphoreIsSetWhileAttached()
    {
        // btprov:gated only fires when its is-enabled semaphore is non-zero, i.e. when the tracer set it.
        var (code, stdout, stderr) = RunChecked("-e", $"usdt:{W}:btprov:gated {{ printf(\"gated %d\\n\", arg0); }}", "-c", $"{W} 3 go");
        Assert.True(code == 0, stderr);
        Assert.Equal(new[] { "gated 0", "gated 1", "gated 2" }, Lines(stdout, "gated "));
    }

    [KernelFact]
    public void UsdtSemaphoreIsSetForProcessesStartedAfterAttachingByFile()
    {
        // Without -p/-c (bpftrace's --usdt-file-activation): the kernel counts the semaphore up in every process that
        // maps the file, including those started later.
        var before = KernelFacts.LoadedPrograms();
        using var btlang = BtlangProcess.Start("--usdt-file-activation", "-e", $"usdt:{W}:btprov:gated {{ @gated[pid] = count(); }}");
        btlang.WaitUntilAttached();
        using (var workload = Workload.StartWaiting(rounds: 3))
        {
            workload.StandardOutput.ReadLine();
            Workload.Release(workload);
            btlang.Signal(KernelFacts.SigInt);
            int code = btlang.WaitForExit(Bound);
            Assert.True(code == 0, btlang.Stderr);
            Assert.Equal(new[] { $"@gated[{workload.Id}]: 3" }, Lines(btlang.Stdout, "@"));
        }

        Leaks.AssertNoneSince(before, "kprobe");
    }

    [KernelFact]
    public void ProfileCountsOnSomeCpu()
    {
        var (code, stdout, stderr) = RunChecked("-e", "profile:hz:99 { @[cpu] = count(); } interval:ms:500 { exit(); }");
        Assert.True(code == 0, stderr);
        var lines = Lines(stdout, "@");
        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.Matches(@"^@\[\d+\]: [1-9]\d*$", l));
    }

    [KernelFact]
    public void IntervalFiresOnOneCpuAndExitsAfterN()
    {
        var clock = Stopwatch.StartNew();
        var (code, stdout, stderr) = RunChecked("-e", "interval:ms:100 { @n = count(); @cpus[cpu] = count(); if (@n == 5) { exit(); } }");
        Assert.True(code == 0, stderr);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(450), $"5 ticks of 100 ms took {clock.Elapsed}");
        var cpus = Lines(stdout, "@cpus[");
        Assert.Single(cpus);
        Assert.Matches(@"^@cpus\[\d+\]: 5$", cpus[0]);
        Assert.Contains("@n: 5", Lines(stdout, "@n"));
    }

    [KernelFact]
    public void SoftwarePageFaultsOfTheWorkload()
    {
        var (code, stdout, stderr) = RunChecked("-e", "software:page-faults:1 /pid == cpid/ { @faults = count(); }", "-c", $"{W} 1 go");
        Assert.True(code == 0, stderr);
        var line = Assert.Single(Lines(stdout, "@faults"));
        Assert.True(long.Parse(line["@faults: ".Length..], System.Globalization.CultureInfo.InvariantCulture) > 10, line);
    }

    [KernelFact]
    public void WatchpointCountsWritesOfAGlobal()
    {
        var before = KernelFacts.LoadedPrograms();
        using var workload = Workload.StartWaiting(rounds: 3);
        try
        {
            string address = workload.StandardOutput.ReadLine()!;
            Assert.Matches("^0x[0-9a-f]+$", address);
            using var btlang = BtlangProcess.Start("-p", workload.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "-e", $"watchpoint:{address}:8:w {{ @writes = count(); }}");
            btlang.WaitUntilAttached();
            Workload.Release(workload);
            int code = btlang.WaitForExit(Bound);
            Assert.True(code == 1, btlang.Stderr); // the -p process exited: an error after the maps print
            Assert.Equal(new[] { "@writes: 3" }, Lines(btlang.Stdout, "@"));
        }
        finally
        {
            if (!workload.HasExited)
            {
                workload.Kill();
            }
        }

        Leaks.AssertNoneSince(before, "perf_event");
    }

    [KernelFact]
    public void WatchpointWithChildCommandWatchesTheChild()
    {
        // bpftrace spawns the -c child paused, attaches (the watchpoint needs the child's pid), then lets it run.
        string watched = Workload.WatchedPath;
        ulong address = Workload.AddressOf(watched, "bt_data_watched");
        var (code, stdout, stderr) = RunChecked("-e", $"watchpoint:0x{address:x}:8:w {{ @writes = count(); @[probe] = count(); }}", "-c", $"{watched} 4");
        Assert.True(code == 0, stderr);
        Assert.Equal(new[] { $"@[watchpoint:0x{address:x}:8:w]: 4", "@writes: 4" }, Lines(stdout, "@"));
        Assert.Contains("Attached 1 probe", stderr);
    }

    [KernelFact]
    public void EndRunsOnceAtExitBeforeTheMapsPrint()
    {
        var (code, stdout, stderr) = RunChecked("-e", "BEGIN { printf(\"begin\\n\"); @m = 1; } END { printf(\"end\\n\"); } interval:ms:50 { exit(); }");
        Assert.True(code == 0, stderr);
        Assert.Equal("begin\nend\n\n\n@m: 1\n", stdout);
    }

    [KernelFact]
    public void SeveralAttachPointsShareOneProbeBody()
    {
        string script = "tracepoint:syscalls:sys_enter_getpid, tracepoint:syscalls:sys_enter_exit_group /pid == cpid/ { @ = count(); }";
        var (code, stdout, stderr) = RunChecked("-e", script, "-c", $"{W} 3 go");
        Assert.True(code == 0, stderr);
        Assert.Equal(new[] { "@: 4" }, Lines(stdout, "@"));
        Assert.Contains("Attached 2 probes", stderr);
    }

    [KernelFact]
    public void ProbeBuiltinWithSeveralAttachPointsNamesEach()
    {
        string script = "tracepoint:syscalls:sys_enter_getpid, tracepoint:syscalls:sys_enter_exit_group /pid == cpid/ { @[probe] = count(); }";
        var (code, stdout, stderr) = RunChecked("-e", script, "-c", $"{W} 3 go");
        Assert.True(code == 0, stderr);
        Assert.Equal(new[] { "@[tracepoint:syscalls:sys_enter_exit_group]: 1", "@[tracepoint:syscalls:sys_enter_getpid]: 3" }, Lines(stdout, "@"));
    }

    [KernelFact]
    public void TracepointWildcardInBothParts()
    {
        var (code, stdout, stderr) = RunChecked("-e", "tracepoint:sys*:sys_enter_getpi* /pid == cpid/ { @[probe] = count(); }", "-c", $"{W} 5 go");
        Assert.True(code == 0, stderr);
        Assert.Equal(new[] { "@[tracepoint:syscalls:sys_enter_getpid]: 5" }, Lines(stdout, "@"));
    }

    [KernelFact]
    public void TracepointDataLocStringAndCharArrayArgs()
    {
        // sched_process_exec's filename is a __data_loc char[]; sched_switch's prev_comm is a char[16] array.
        string script =
            "tracepoint:sched:sched_process_exec /pid == cpid/ { printf(\"exec %s %d\\n\", str(args.filename), args.pid == cpid); }\n" +
            "tracepoint:sched:sched_switch /args.prev_pid == cpid/ { @switched[args.prev_comm] = count(); }";
        var (code, stdout, stderr) = RunChecked("-e", script, "-c", $"{W} 1 go 200");
        Assert.True(code == 0, stderr);
        Assert.Equal(new[] { $"exec {W} 1" }, Lines(stdout, "exec "));
        Assert.Contains(Lines(stdout, "@switched["), l => Regex.IsMatch(l, $@"^@switched\[{Workload.Comm}\]: [1-9]\d*$"));
    }

    [KernelTheory]
    [InlineData("profile:hz:100", "interval:s:1", 10)]
    [InlineData("profile:ms:10", "interval:s:1", 10)]
    [InlineData("profile:us:10000", "interval:s:1", 10)]
    [InlineData("profile:s:1", "interval:ms:3500", 1000)]
    public void ProfileUnitsGiveTheirRate(string attachPoint, string window, int periodMs)
    {
        // Samples are counted in the kernel, between the first sample and the moment the window's interval fires (user
        // space, and attaching, may lag by seconds on a loaded machine). Wide bounds and a racy sum, but a wrong unit is
        // off by a factor of 1,000 or more.
        string script = attachPoint + " { if (@start == 0) { @start = nsecs; } @n = @n + 1; }\n" +
            window + " { @at = @n; @span_ms = (nsecs - @start) / 1000000; exit(); }";
        var (code, stdout, stderr) = RunChecked("-e", script);
        Assert.True(code == 0, stderr);
        long samples = long.Parse(Assert.Single(Lines(stdout, "@at: "))["@at: ".Length..], System.Globalization.CultureInfo.InvariantCulture);
        long spanMs = long.Parse(Assert.Single(Lines(stdout, "@span_ms: "))["@span_ms: ".Length..], System.Globalization.CultureInfo.InvariantCulture);
        double perCpu = samples / (double)Environment.ProcessorCount;
        double expected = spanMs / (double)periodMs;
        Assert.True(perCpu >= expected * 0.3 && perCpu <= expected * 1.5 + 2, $"{samples} samples on {Environment.ProcessorCount} CPUs in {spanMs} ms; expected about {expected:F1} per CPU");
    }

    [KernelTheory]
    [InlineData("interval:us:200000", 200)]
    [InlineData("interval:hz:5", 200)]
    [InlineData("interval:ms:200", 200)]
    [InlineData("interval:s:1", 1000)]
    public void IntervalUnitsGiveTheirPeriod(string attachPoint, int periodMs)
    {
        var clock = Stopwatch.StartNew();
        var (code, stdout, stderr) = RunChecked("-e", attachPoint + " { @n = count(); @cpus[cpu] = count(); if (@n == 3) { exit(); } }");
        var elapsed = clock.Elapsed;
        Assert.True(code == 0, stderr);
        Assert.Contains("@n: 3", Lines(stdout, "@n"));
        Assert.Single(Lines(stdout, "@cpus["));
        Assert.True(elapsed >= TimeSpan.FromMilliseconds(periodMs * 2.5), $"3 ticks of {periodMs} ms took {elapsed}");
        Assert.True(elapsed < TimeSpan.FromMilliseconds(periodMs * 3) + TimeSpan.FromSeconds(20), $"3 ticks of {periodMs} ms took {elapsed}");
    }

    [KernelFact]
    public void UprobeWithPidIsScopedToThatProcess()
    {
        var before = KernelFacts.LoadedPrograms();
        using var workload = Workload.StartWaiting(rounds: 4);
        try
        {
            workload.StandardOutput.ReadLine();
            using var btlang = BtlangProcess.Start("-p", workload.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "-e", $"uprobe:{W}:bt_add {{ @[pid] = count(); }} usdt:{W}:btprov:tick {{ @tick[pid] = count(); }}");
            btlang.WaitUntilAttached();
            KernelFacts.RunWorkload(W, "2 go", 1); // the same binary in another process: not traced
            Workload.Release(workload);
            int code = btlang.WaitForExit(Bound);
            Assert.True(code == 1, btlang.Stderr); // the -p process exited: an error after the maps print
            Assert.Equal(new[] { $"@[{workload.Id}]: 4", $"@tick[{workload.Id}]: 4" }, Lines(btlang.Stdout, "@"));
        }
        finally
        {
            if (!workload.HasExited)
            {
                workload.Kill();
            }
        }

        Leaks.AssertNoneSince(before, "kprobe");
    }

    [KernelFact]
    public void UprobeOnCppFunctionsByDemangledName()
    {
        string binary = CxxWorkload.Path;
        string script =
            $"uprobe:{binary}:\"app::Comp::compute(long)\" {{ @method = count(); }}\n" +
            $"uprobe:{binary}:app::compute* {{ @wild = count(); }}\n" +
            $"uretprobe:{binary}:\"app::compute(long, int)\" {{ @ret = sum(retval); }}";
        var (code, stdout, stderr) = RunChecked("-e", script, "-c", $"{binary} 3");
        Assert.True(code == 0, stderr);
        Assert.Equal(
            new[] { "@method: 3", "@ret: 18", "@wild: 3" }, // (0+5) + (1+5) + (2+5); app::Comp::compute does not match app::compute*
            Lines(stdout, "@"));
        Assert.Contains("Attached 3 probes", stderr);
    }

    [KernelFact]
    public void ProbeBuiltinNamesTheMatchedSymbolOfADemangledWildcard()
    {
        // bpftrace 0.17 on the same fixture prints the mangled name of the one match: uprobe:BIN:_ZN3app7computeEli.
        string binary = CxxWorkload.Path;
        var (code, stdout, stderr) = RunChecked("-e", $"uprobe:{binary}:app::compute* {{ printf(\"name %s\\n\", probe); }}", "-c", $"{binary} 1");
        Assert.True(code == 0, stderr);
        Assert.Equal(new[] { $"name uprobe:{binary}:_ZN3app7computeEli" }, Lines(stdout, "name "));
    }

    [KernelFact]
    public void ProbeBuiltinNamesEveryProviderLikeBpftrace()
    {
        // bpftrace 0.17 prints the same names for BEGIN, END, interval, profile and tracepoint (it cannot run the
        // software and rawtracepoint probes of this script here: "Code not generated" / "Invalid probe type").
        string script =
            "BEGIN { printf(\"%s\\n\", probe); } END { printf(\"%s\\n\", probe); }\n" +
            "interval:ms:300 { @[probe] = count(); exit(); }\n" +
            "profile:hz:97 { @[probe] = count(); }\n" +
            "software:cpu-clock:1000000 { @[probe] = count(); }\n" +
            "rawtracepoint:sched_switch { @[probe] = count(); }\n" +
            "tracepoint:sched:sched_switch { @[probe] = count(); }";
        var (code, stdout, stderr) = RunChecked("-e", script);
        Assert.True(code == 0, stderr);
        Assert.Equal(new[] { "BEGIN", "END" }, stdout.Split('\n').Where(l => l is "BEGIN" or "END").ToArray());
        Assert.Equal(
            new[] { "interval:ms:300", "profile:hz:97", "rawtracepoint:sched_switch", "software:cpu-clock:1000000", "tracepoint:sched:sched_switch" },
            Lines(stdout, "@[").Select(l => l[2..l.IndexOf("]: ", StringComparison.Ordinal)]).Order(StringComparer.Ordinal).ToArray());
    }

    [KernelFact]
    public void RawTracepointArgumentsHaveTheKernelsValues()
    {
        // sched_process_exec(struct task_struct *p, pid_t old_pid, struct linux_binprm *bprm): old_pid is the pid that
        // exec'd, i.e. the -c child; p and bprm are kernel pointers.
        string script = "rawtracepoint:sched_process_exec /pid == cpid/ { printf(\"raw %d %d %d\\n\", arg1 == cpid, arg0 > 0xffff000000000000, arg2 > 0xffff000000000000); }";
        var (code, stdout, stderr) = RunChecked("-e", script, "-c", $"{W} 0 go");
        Assert.True(code == 0, stderr);
        Assert.Equal(new[] { "raw 1 1 1" }, Lines(stdout, "raw "));
    }

    [KernelFact]
    public void RawTracepointArgsAreNamedAndTypedFromBtf()
    {
        // args of a raw tracepoint come from the BTF of btf_trace_sched_process_exec: p (struct task_struct *),
        // old_pid (pid_t) and bprm (struct linux_binprm *), each in its u64 slot; pointers read with ->.
        string script = "rawtracepoint:sched_process_exec /args.old_pid == cpid/ { printf(\"raw %d %d %s\\n\", args.p->pid == cpid, args.old_pid == cpid, str(args.bprm->filename)); }";
        var (code, stdout, stderr) = RunChecked("-e", script, "-c", $"{W} 0 go");
        Assert.True(code == 0, stderr);
        Assert.Equal(new[] { $"raw 1 1 {W}" }, Lines(stdout, "raw "));
    }

    [KernelFact]
    public void UprobeArgsAreNamedAndTypedFromDwarf()
    {
        // args of a uprobe come from the binary's DWARF (gcc -g): each parameter is read from its argument register
        // and typed by size and signedness (unsigned char 250, short -3, unsigned long long max), char* with str().
        string d = DwarfWorkload.Path;
        string script = $"uprobe:{d}:bt_add /pid == cpid/ {{ printf(\"add %d %d\\n\", args.a, args.b); }} " +
            $"uprobe:{d}:bt_mix /pid == cpid/ {{ printf(\"mix %s %d %d %d %d %llu\\n\", str(args.s), args.u, args.h, args.c, *args.p, args.q); }}";
        var (code, stdout, stderr) = RunChecked("-e", script, "-c", d);
        Assert.True(code == 0, stderr);
        Assert.Equal(new[] { "add 40 -2" }, Lines(stdout, "add "));
        Assert.Equal(new[] { "mix hello dwarf 250 -3 2 7 18446744073709551615" }, Lines(stdout, "mix "));
    }

    [KernelFact]
    public void SeveralAttachPointsAndWildcardsShareOneProgram()
    {
        // With -v each loaded program is listed: one per probe, however many attach points or wildcard matches it has
        // (a body that uses probe is the exception: each point then needs its own name constant).
        string script =
            "tracepoint:syscalls:sys_enter_getpid, tracepoint:syscalls:sys_enter_exit_group, tracepoint:syscalls:sys_enter_read* { @t = count(); }\n" +
            $"uprobe:{W}:bt_add, uprobe:{W}:bt_* {{ @u = count(); }}\n" +
            "profile:hz:99, interval:ms:10 { @p = count(); }";
        var (code, stdout, stderr) = RunChecked("-v", "--dry-run", "-e", script);
        Assert.True(code == 0, stderr);
        var programs = stderr.Split('\n').Where(l => l.StartsWith("Program ", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, programs.Count);
        Assert.Contains(programs, p => p.StartsWith("Program bt_p0 (tracepoint/", StringComparison.Ordinal));
        Assert.Contains(programs, p => p.StartsWith("Program bt_p1_uprobe (uprobe)", StringComparison.Ordinal));
        Assert.Contains(programs, p => p.StartsWith("Program bt_p2_profile (perf_event)", StringComparison.Ordinal));
    }

    [KernelFact]
    public void PidFilterSeesOnlyThatProcess()
    {
        var before = KernelFacts.LoadedPrograms();
        using var workload = Workload.StartWaiting(rounds: 4);
        try
        {
            workload.StandardOutput.ReadLine();
            using var btlang = BtlangProcess.Start("-p", workload.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "-e", "tracepoint:syscalls:sys_enter_getpid { @[pid] = count(); }");
            btlang.WaitUntilAttached();
            KernelFacts.RunWorkload(W, "2 go", 1); // another process calling getpid: not counted
            Workload.Release(workload);
            int code = btlang.WaitForExit(Bound);
            Assert.True(code == 1, btlang.Stderr); // the -p process exited: an error after the maps print
            Assert.Equal(new[] { $"@[{workload.Id}]: 4" }, Lines(btlang.Stdout, "@"));
        }
        finally
        {
            if (!workload.HasExited)
            {
                workload.Kill();
            }
        }

        Leaks.AssertNoneSince(before, "tracepoint");
    }
}
