using BtLang.Runtime.Tests.Probes;
using static BtLang.Runtime.Tests.SideBySide.SideBySideRun;

namespace BtLang.Runtime.Tests.SideBySide;

/// <summary>
/// Every function and aggregation that bpftrace 0.17 has, run side by side with it on the same script (0.17 syntax,
/// which btlang accepts too) and compared in text and JSON. Traced programs are the test's own -c workload
/// (Fixtures/workload.c, filtered by pid == cpid) or BEGIN. The only differences allowed are the 0.17 to 0.26
/// changes BPFTRACE.md records, each normalized by a named method of <see cref="SideBySideRun"/>. Values that
/// differ between runs (times, addresses) are compared as predicates. Functions 0.17 lacks are pinned to 0.26 in
/// the tests named "...AsBpftrace026" (LenAndZeroTests, TimeSeriesTests, LanguageFunctionTests).
/// </summary>
public sealed class Bpftrace017SideBySideTests
{
    private static string W => Workload.Path;

    [KernelFact]
    public void Printf_matches_bpftrace_017()
    {
        const string script =
            "BEGIN { printf(\"int=%d neg=%d u=%u hex=%x HEX=%X oct=%o lld=%lld str=%s chr=%c pct=%% pad=[%5d] left=[%-5d] zero=[%05d] s10=[%10s] sl=[%-6s]\\n\", 42, -1, -1, 255, 255, 8, 1234567890123, \"abc\", 65, 7, 7, 7, \"hi\", \"ab\"); " +
            "printf(\"%-10s|%10s|%c|%5.2s|\\n\", \"left\", \"right\", 66, \"abcdef\"); " +
            "printf(\"%lu %ld %hhd %hu %llx %p %llu %5.3d %08x %.0d|\\n\", 1, -2, 300, 70000, 255, 4096, -1, 7, 255, 0); " +
            "printf(\"esc \\t tab \\\\ bs \\\" q \\x41 \\101 \\n\"); printf(\"no newline|\"); exit(); }";
        AssertSameText(script);
        AssertSameJson(script);
    }

    [KernelFact]
    public void Print_of_values_matches_bpftrace_017()
    {
        const string script = "BEGIN { print(123); print(\"a string\"); print((1, \"two\", (3, 4))); print(-5); $t = (7, \"x\"); print($t); exit(); }";
        AssertSameText(script);
        AssertSameJson(script);
    }

    [KernelFact]
    public void Count_sum_min_max_and_plain_maps_match_bpftrace_017()
    {
        const string script =
            "BEGIN { @c[\"bash\"] = count(); @c[\"bash\"] = count(); @c[\"zsh\"] = count(); @int[3] = 30; @int[1] = 10; @int[-2] = 5; @int[2] = 20; " +
            "@tup[1, \"a\"] = 7; @tup[2, \"b\"] = 3; @min = min(4); @min = min(-3); @max = max(4); @max = max(9); @sum = sum(5); @sum = sum(6); " +
            "@sk[\"x\"] = sum(-4); @sk[\"y\"] = sum(8); @str = \"hello\"; @neg = -7; @mk[1] = min(5); @mk[2] = min(-5); @xk[1] = max(5); @xk[2] = max(50); @ = count(); exit(); }";
        AssertSameText(script);
        AssertSameJson(script);
    }

    [KernelFact]
    public void Avg_and_stats_match_bpftrace_017_apart_from_the_stats_record()
    {
        const string script =
            "BEGIN { @avg = avg(10); @avg = avg(21); @ak[\"x\"] = avg(3); @ak[\"y\"] = avg(1); @neg = avg(-20); " +
            "@st = stats(2); @st = stats(10); @sk[\"x\"] = stats(3); @sk[\"y\"] = stats(100); @sk[\"y\"] = stats(-7); exit(); }";
        AssertSameText(script, t => StatsAsRecords(NoBlankLineAfter(t, "@avg", "@ak", "@neg", "@st", "@sk")));
        AssertSameJson(script);
    }

    [KernelFact]
    public void Hist_and_lhist_maps_match_bpftrace_017()
    {
        const string script =
            "BEGIN { @h = hist(-1); @h = hist(0); @h = hist(1); @h = hist(2); @h = hist(3); @h = hist(7); @h = hist(20); @h = hist(1500); @h = hist(1048576); " +
            "@hk[\"a\"] = hist(5); @hk[\"b\"] = hist(100); @hk[\"b\"] = hist(1000); " +
            "@lh = lhist(-5, 0, 10, 2); @lh = lhist(3, 0, 10, 2); @lh = lhist(3, 0, 10, 2); @lh = lhist(7, 0, 10, 2); @lh = lhist(100, 0, 10, 2); " +
            "@lk = lhist(3000, 0, 8192, 1024); @lk = lhist(5000, 0, 8192, 1024); exit(); }";
        AssertSameText(script, HistHeaders);
        AssertSameJson(script);
    }

    [KernelFact]
    public void Print_with_top_and_div_delete_clear_and_zero_match_bpftrace_017()
    {
        const string script =
            "BEGIN { @m[1] = 1; @m[2] = 2; @m[3] = 3; @m[4] = 40; print(@m, 2); print(@m, 2, 10); delete(@m[1]); print(@m); " +
            "@z[7] = 5; zero(@z); print(@z); @c = count(); @c = count(); zero(@c); print(@c); @s[\"a\"] = sum(3); @s[\"b\"] = sum(4); print(@s, 1); " +
            "@h = hist(5); @h = hist(50); print(@h); @h2 = hist(100); @h2 = hist(1000); @h2 = hist(1000); print(@h2, 0, 1); exit(); }";
        AssertSameText(script, HistHeaders);
        AssertSameJson(script);
    }

    [KernelFact]
    public void Time_and_strftime_match_bpftrace_017()
    {
        // Formats without the time of day, so both runs print the same text.
        const string script = "BEGIN { time(\"%Y\\n\"); printf(\"%s|\\n\", strftime(\"%Y-%m\", nsecs)); @t[strftime(\"%Y\", nsecs)] = count(); @k[1, strftime(\"%m\", nsecs)] = 2; exit(); }";
        AssertSameText(script);
        AssertSameJson(script);
    }

    [KernelFact]
    public void Join_matches_bpftrace_017()
    {
        string script = "tracepoint:syscalls:sys_enter_execve /pid == cpid/ { join(args->argv); join(args->argv, \",\"); }";
        AssertSameText(script, null, "-c", $"{W} 1 go");
        AssertSameJson(script, "-c", $"{W} 1 go");
    }

    [KernelFact]
    public void Str_strncmp_strcontains_string_compare_and_buf_match_bpftrace_017()
    {
        // One probe per group: 0.17 runs out of its 512-byte stack with all of them in one.
        string script =
            "tracepoint:syscalls:sys_enter_execve /pid == cpid/ { $f = str(args->filename, 5); " +
            "printf(\"cmp %d %d %d %d\\n\", $f == \"/tmp/\", $f != \"/tmp/\", strncmp($f, \"/tmp/\", 5), strncmp($f, \"/tmpx\", 5)); }\n" +
            "tracepoint:syscalls:sys_enter_execve /pid == cpid/ { printf(\"has %d %d\\n\", strcontains(str(args->filename), \"probe\"), strcontains(str(args->filename), \"nope\")); }\n" +
            "tracepoint:syscalls:sys_enter_execve /pid == cpid/ { printf(\"str %s|%r|%rx|\\n\", str(args->filename, 5), buf(args->filename, 5), buf(args->filename, 3)); }\n" +
            "tracepoint:syscalls:sys_enter_execve /pid == cpid/ { @[str(args->filename)] = count(); @b[buf(args->filename, 4)] = count(); }\n" +
            "tracepoint:syscalls:sys_enter_execve /pid == cpid/ { @s[str(args->filename, 4)] = str(args->filename); }";
        AssertSameText(script, null, "-c", $"{W} 1 go");
        AssertSameJson(script, "-c", $"{W} 1 go");
    }

    [KernelFact]
    public void Pointer_reads_of_argv_match_bpftrace_017()
    {
        string script = "tracepoint:syscalls:sys_enter_execve /pid == cpid/ { printf(\"[%s] [%s] [%s] [%s]\\n\", str(*args->argv), str(*(args->argv + 1)), str(args->argv[1]), str(args->argv[2])); }";
        AssertSameText(script, null, "-c", $"{W} 1 go");
    }

    [KernelFact]
    public void Comm_pid_tid_uid_gid_cgroup_and_ntop_match_bpftrace_017()
    {
        string script =
            $"uprobe:{W}:bt_add /pid == cpid/ {{ @[comm, uid, gid] = count(); @c[cgroup] = count(); printf(\"%s %d %d %d\\n\", comm, pid == cpid, tid == pid, cgroup > 0); }} " +
            "END { printf(\"%s|%s|%s\\n\", ntop(0x0100007f), ntop(2, 0x0101a8c0), ntop(0)); @n[ntop(0x0100007f)] = count(); }";
        AssertSameText(script, null, "-c", $"{W} 3 go");
        AssertSameJson(script, "-c", $"{W} 3 go");
    }

    [KernelFact]
    public void Usym_func_probe_and_uaddr_match_bpftrace_017_while_the_process_lives()
    {
        // 0.17 resolves map keys at exit, when the process is gone (they print as hex then): compare what is printed
        // while it runs; the workload lingers 300 ms so its symbols can still be read.
        string script = $"uprobe:{W}:bt_add /pid == cpid/ {{ printf(\"%s|%s|%s|%lx\\n\", usym(reg(\"ip\")), func, probe, uaddr(\"bt_watched\")); }}";
        AssertSameText(script, null, "-c", $"{W} 2 go 300");
        AssertSameJson(script, "-c", $"{W} 2 go 300");
    }

    [KernelFact]
    public void Kstack_and_ustack_match_bpftrace_017()
    {
        string user = $"uprobe:{W}:bt_twice /pid == cpid/ {{ printf(\"%s|%s|\\n\", ustack(3), ustack(perf, 2)); }}";
        AssertSameText(user, null, "-c", $"{W} 2 go 300");
        string kernel = "tracepoint:syscalls:sys_enter_getpid /pid == cpid/ { @[kstack] = count(); @p[kstack(perf, 2)] = count(); printf(\"%s|\\n\", kstack(2)); }";
        AssertSameText(kernel, StackKeyIndent, "-c", $"{W} 2 go");
    }

    [KernelFact]
    public void Cat_and_system_match_bpftrace_017()
    {
        string file = Path.Combine(Path.GetTempPath(), "btlang-sbs-" + Guid.NewGuid().ToString("N")[..8]);
        File.WriteAllText(file, "line one\nline two\n");
        try
        {
            string cat = $"BEGIN {{ cat(\"{file}\"); cat(\"%s\", \"{file}\"); exit(); }}";
            AssertSameText(cat);
            AssertSameJson(cat);

            // The text form differs: 0.26's TextOutput::syscall ends the output with std::endl, 0.17 did not.
            string system = "BEGIN { system(\"echo hi %d %s\", 5, \"x\"); exit(); }";
            AssertSameJson(system, "--unsafe");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [KernelFact]
    public void Exit_leaves_the_probe_and_signal_kills_the_child_like_bpftrace_017()
    {
        AssertSameText("BEGIN { printf(\"a\\n\"); exit(); printf(\"b\\n\"); } END { printf(\"end\\n\"); }");
        AssertSameText($"uprobe:{W}:bt_add /pid == cpid/ {{ @calls = count(); signal(\"SIGKILL\"); }}", null, "--unsafe", "-c", $"{W} 3 go");
    }

    [KernelFact]
    public void Time_dependent_builtins_have_the_shape_of_bpftrace_017()
    {
        // nsecs, elapsed, cpu, rand and curtask differ between runs: compare what they satisfy.
        string script = $"uprobe:{W}:bt_add /pid == cpid && arg0 == 0/ {{ printf(\"%d %d %d %d %d %d %d\\n\", cpu >= 0, nsecs > 0, elapsed > 0, rand >= 0, curtask != 0, curtask->pid == tid, curtask->parent->pid > 0); }}";
        AssertSameText(script, null, "-c", $"{W} 2 go");
    }

    [KernelFact]
    public void Ksym_cgroupid_and_cgroup_path_match_bpftrace_017()
    {
        // An address of a kernel function from /proc/kallsyms (kaddr() needs symbols this kernel does not export).
        string line = File.ReadLines("/proc/kallsyms").First(l => l.EndsWith(" T vfs_read", StringComparison.Ordinal));
        string address = "0x" + line[..line.IndexOf(' ')];
        string script =
            $"BEGIN {{ printf(\"%s|%s\\n\", ksym({address}), ksym({address} + 5)); @[ksym({address})] = count(); " +
            "printf(\"%d\\n\", cgroupid(\"/sys/fs/cgroup/unified\") > 0); print(cgroup_path(cgroup)); exit(); }";
        AssertSameText(script);

        // 0.17 prints print(cgroup_path(...)) unquoted in JSON (not JSON); 0.26 quotes it, as btlang does.
        AssertSameJson(script.Replace(" print(cgroup_path(cgroup));", string.Empty, StringComparison.Ordinal));
    }
}
