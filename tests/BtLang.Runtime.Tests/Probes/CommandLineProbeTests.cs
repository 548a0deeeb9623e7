namespace BtLang.Runtime.Tests.Probes;

/// <summary>The command-line flags that touch probes: -c, -p, -l and -lv (compared with bpftrace 0.17 where the formats agree).</summary>
public sealed class CommandLineProbeTests
{
    [KernelFact]
    public void ChildCommandIsTracedByCpidAndEndsTheRun()
    {
        var before = KernelFacts.LoadedPrograms();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (code, stdout, stderr) = BtlangProcess.Run("-e", "tracepoint:syscalls:sys_enter_getpid /pid == cpid/ { @calls = count(); }", "-c", $"{Workload.Path} 7 go");
        Assert.True(code == 0, stderr);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"the run did not end with the child ({clock.Elapsed})");
        Assert.Contains("@calls: 7\n", stdout);
        Leaks.AssertNoneSince(before, "tracepoint");
    }

    [KernelFact]
    public void PidThatDoesNotExistIsOneClearError()
    {
        var before = KernelFacts.LoadedPrograms();
        int pid = Enumerable.Range(4_000_000, 100_000).First(p => !Directory.Exists($"/proc/{p}"));
        var (code, stdout, stderr) = BtlangProcess.Run("-p", pid.ToString(System.Globalization.CultureInfo.InvariantCulture), "-e", "tracepoint:syscalls:sys_enter_getpid { @ = count(); }");
        Assert.Equal(1, code);
        Assert.Empty(stdout);
        Assert.Equal($"ERROR: process with pid {pid} does not exist (-p {pid})\nBT3518\n", stderr);
        Leaks.AssertNoneSince(before, "tracepoint");
    }

    [KernelTheory]
    [InlineData("error", 1)]
    [InlineData("warn", 0)]
    public void MissingProbesFromTheConfigBlockReachesTheAttacher(string mode, int expectedCode)
    {
        // The script's config block goes through the same table as the environment, and the runtime uses the result.
        var before = KernelFacts.LoadedPrograms();
        string script = $"config = {{ missing_probes = {mode} }}\n" +
            $"uprobe:{Workload.Path}:bt_no_such_function {{ @missing = count(); }}\n" +
            "interval:ms:100 { exit(); }";
        var (code, _, stderr) = BtlangProcess.Run("-e", script);
        Assert.True(code == expectedCode, stderr);
        Assert.Contains($"no symbol 'bt_no_such_function' in {Workload.Path}", stderr);
        Assert.Contains(mode == "warn" ? "WARNING: " : "ERROR: ", stderr);
        Leaks.AssertNoneSince(before, Leaks.ProgramTypesOf(script));
    }

    [KernelFact]
    public void NoWarningsSilencesTheMissingProbeWarningOfTheAttacher()
    {
        var before = KernelFacts.LoadedPrograms();
        string script = "config = { missing_probes = warn }\n" +
            $"uprobe:{Workload.Path}:bt_no_such_function {{ @missing = count(); }}\n" +
            "interval:ms:100 { exit(); }";
        var (code, _, stderr) = BtlangProcess.Run("--no-warnings", "-e", script);
        Assert.True(code == 0, stderr);
        Assert.DoesNotContain("WARNING", stderr);
        Assert.DoesNotContain("bt_no_such_function", stderr);
        Leaks.AssertNoneSince(before, Leaks.ProgramTypesOf(script));
    }

    [KernelFact]
    public void VerboseNamesTracefsInAHumanLine()
    {
        var (code, _, stderr) = BtlangProcess.Run("-v", "--dry-run", "-e", "tracepoint:syscalls:sys_enter_getpid { @ = count(); }");
        Assert.True(code == 0, stderr);
        string line = stderr.Split('\n').Single(l => l.StartsWith("tracefs: ", StringComparison.Ordinal));
        Assert.Matches(@"^tracefs: /\S+( \(mounted by btlang\))?$", line);
    }

    [KernelFact]
    public void CppDemangleOffMatchesOnlyMangledNames()
    {
        // With cpp_demangle = 0 the demangled pattern matches nothing (skipped with a warning); the mangled one still attaches.
        var before = KernelFacts.LoadedPrograms();
        string binary = CxxWorkload.Path;
        string script = "config = { cpp_demangle = 0; missing_probes = warn }\n" +
            $"uprobe:{binary}:app::compute* {{ @demangled = count(); }}\n" +
            $"uprobe:{binary}:_ZN3app7compute* {{ @mangled = count(); }}";
        var (code, stdout, stderr) = BtlangProcess.Run("-e", script, "-c", $"{binary} 3");
        Assert.True(code == 0, stderr);
        Assert.Contains("WARNING: ", stderr);
        Assert.Contains("app::compute*", stderr);
        Assert.Contains("@mangled: 3\n", stdout);
        Assert.DoesNotContain("@demangled", stdout);
        Leaks.AssertNoneSince(before, Leaks.ProgramTypesOf(script));
    }

    [KernelFact]
    public void ChildCommandThatDoesNotExistIsOneClearError()
    {
        string missing = Path.Combine(Path.GetTempPath(), "btlang-no-such-command-" + Guid.NewGuid().ToString("N"));
        AssertChildCommandRefused($"{missing} 1 2", $"'{missing}' does not exist");
    }

    [KernelFact]
    public void ChildCommandThatIsNotExecutableIsOneClearError()
    {
        string script = Path.Combine(Path.GetTempPath(), "btlang-not-executable-" + Guid.NewGuid().ToString("N") + ".sh");
        File.WriteAllText(script, "#!/bin/sh\nexit 0\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        try
        {
            AssertChildCommandRefused(script, $"'{script}' is not executable");
        }
        finally
        {
            File.Delete(script);
        }
    }

    [KernelFact]
    public void ChildCommandNotOnPathIsOneClearError()
    {
        string name = "btlang-no-such-program-" + Guid.NewGuid().ToString("N")[..8];
        AssertChildCommandRefused(name + " --flag", $"'{name}' was not found on PATH");
    }

    /// <summary>Exit 1, the error and its ID on stderr, nothing on stdout (no "Attaching"), nothing left loaded.</summary>
    private static void AssertChildCommandRefused(string command, string why)
    {
        var before = KernelFacts.LoadedPrograms();
        var (code, stdout, stderr) = BtlangProcess.Run("-c", command, "-e", "tracepoint:syscalls:sys_enter_read { @ = count(); }");
        Assert.Equal(1, code);
        Assert.Empty(stdout);
        Assert.Equal($"ERROR: failed to run command '{command}': {why}\nBT3517\n", stderr);
        Leaks.AssertNoneSince(before, "tracepoint");
    }

    [KernelTheory]
    [InlineData("-l", "tracepoint:syscalls:sys_enter_getpi*")]
    [InlineData("-l", "tracepoint:sched:sched_process_*")]
    [InlineData("-lv", "tracepoint:syscalls:sys_enter_openat")]
    [InlineData("-l", "usdt:WORKLOAD:*")]
    [InlineData("-l", "uprobe:WORKLOAD:bt_*")]
    [InlineData("-l", "uprobe:/bin/bash:*")]
    public void ListingMatchesBpftrace(string flag, string pattern)
    {
        pattern = pattern.Replace("WORKLOAD", Workload.Path, StringComparison.Ordinal);
        var ours = BtlangProcess.Run(flag, pattern);
        Assert.True(ours.Code == 0, ours.Stderr);
        Assert.NotEmpty(ours.Stdout);
        var (code, theirs) = KernelFacts.Run("timeout", "30", "bpftrace", flag, pattern);
        Assert.True(code == 0, theirs);
        Assert.Equal(theirs, ours.Stdout);
    }

    [KernelFact]
    public void VerboseUprobeListingShowsDwarfParametersAsBpftraceDoes()
    {
        string pattern = $"uprobe:{DwarfWorkload.Path}:bt_*";
        var ours = BtlangProcess.Run("-lv", pattern);
        Assert.True(ours.Code == 0, ours.Stderr);
        string p = DwarfWorkload.Path;
        Assert.StartsWith($"uprobe:{p}:bt_add\n    long int a\n    long int b\nuprobe:{p}:bt_mix\n    const char* s\n    unsigned char u\n", ours.Stdout);
        var (code, theirs) = KernelFacts.Run("timeout", "30", "bpftrace", "-lv", pattern);
        Assert.True(code == 0, theirs);
        Assert.Equal(theirs, ours.Stdout);
    }

    [KernelTheory]
    [InlineData("rawtracepoint:sched_process_exec", "rawtracepoint:sched_process_exec\n    struct task_struct * p\n    pid_t old_pid\n    struct linux_binprm * bprm\n")]
    [InlineData("fentry:vfs_read", "fentry:vmlinux:vfs_read\n    struct file * file\n    char * buf\n    size_t count\n    loff_t * pos\n")]
    [InlineData("kfunc:vmlinux:vfs_read", "fentry:vmlinux:vfs_read\n    struct file * file\n    char * buf\n    size_t count\n    loff_t * pos\n")]
    public void VerboseListingShowsBtfArguments(string pattern, string expected)
    {
        // bpftrace 0.17 lists no arguments for these (and no fentry at all on a kernel without BPF trampolines):
        // the expected text is the kernel's BTF, as bpftool prints the same prototypes.
        var (code, stdout, stderr) = BtlangProcess.Run("-lv", pattern);
        Assert.True(code == 0, stderr);
        Assert.Equal(expected, stdout);
    }

    [KernelFact]
    public void InfoHasEveryLineOfBpftraceInfoInItsSection()
    {
        // Harnesses grep `--info` for "key: yes": every key bpftrace prints is there, under the same heading. Values
        // may differ only where the builds differ, or where btlang reports what really loads and attaches here
        // (kprobes are off, yet bpftrace says yes; iterators load without the BPF trampolines bpftrace 0.17 asks for).
        var (code, ours, stderr) = BtlangProcess.Run("--info");
        Assert.True(code == 0, stderr);
        var (theirCode, theirs) = KernelFacts.Run("bpftrace", "--info");
        Assert.True(theirCode == 0, theirs);
        var buildSpecific = new HashSet<string>(StringComparer.Ordinal) { "version", "LLVM", "libdw (DWARF support)", "bfd", "kprobe", "iter:task", "iter:task_file" };
        var ourSections = Sections(ours);
        foreach (var (section, entries) in Sections(theirs))
        {
            Assert.True(ourSections.ContainsKey(section), $"section '{section}' is missing from btlang --info:\n{ours}");
            foreach (var (key, value) in entries)
            {
                Assert.True(ourSections[section].ContainsKey(key), $"'{section}: {key}' is missing from btlang --info:\n{ours}");
                if (!buildSpecific.Contains(key))
                {
                    Assert.True(value == ourSections[section][key], $"{section}: {key}: bpftrace says '{value}', btlang '{ourSections[section][key]}'");
                }
            }
        }
    }

    /// <summary>--info text as heading -> key -> value (lines "  key: value" under an unindented heading).</summary>
    private static Dictionary<string, Dictionary<string, string>> Sections(string info)
    {
        var sections = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        Dictionary<string, string>? current = null;
        foreach (var line in info.Split('\n'))
        {
            if (line.Length > 0 && !line.StartsWith(' ') && !line.Contains(": ", StringComparison.Ordinal))
            {
                current = sections[line.Trim()] = new Dictionary<string, string>(StringComparer.Ordinal);
            }
            else if (current is not null && line.StartsWith("  ", StringComparison.Ordinal) && line.LastIndexOf(": ", StringComparison.Ordinal) is var colon and > 0)
            {
                current[line[2..colon]] = line[(colon + 2)..].Trim();
            }
        }

        return sections;
    }

    [KernelFact]
    public void ListingNamesTheWorkloadsUsdtProbes()
    {
        var (code, stdout, stderr) = BtlangProcess.Run("-l", $"usdt:{Workload.Path}:*");
        Assert.True(code == 0, stderr);
        Assert.Equal($"usdt:{Workload.Path}:btprov:gated\nusdt:{Workload.Path}:btprov:mem\nusdt:{Workload.Path}:btprov:tick\n", stdout);
    }
}
