using System.Diagnostics;

namespace BtLang.Runtime.Tests.Reliability;

/// <summary>Kernel refusals and missing pieces: each is one clear error naming the problem and the fix, exit 1, nothing left loaded.</summary>
public sealed class AttachFaultTests
{
    private const string MissingSymbol = "btlang_no_such_symbol_xyz";

    [KernelFact]
    public void PartialAttachDetachesTheEarlierProbesAndNamesTheFailingOne()
    {
        string ls = KernelFacts.UniqueCopyOf("/bin/ls", out _);
        var (code, stdout, stderr, ids) = RunWatched(["-e",
            "tracepoint:syscalls:sys_enter_getpid { @a = count(); } tracepoint:syscalls:sys_enter_getppid { @b = count(); } " +
            $"uprobe:{ls}:{MissingSymbol} {{ @c = count(); }}"], ("BPFTRACE_MISSING_PROBES", "error"));

        Assert.Equal(1, code);
        Assert.Contains($"cannot attach uprobe:{ls}:{MissingSymbol}", stderr);
        Assert.Contains($"no symbol '{MissingSymbol}'", stderr);
        Assert.Contains("HINT:", stderr);
        Assert.DoesNotContain("Attached", stderr);
        Assert.Equal(string.Empty, stdout);
        Assert.NotEmpty(ids); // the two tracepoints were loaded (and attached) before the uprobe failed
        Leftovers.AssertNoneLeft(ids, ls);
    }

    [KernelTheory]
    [InlineData("warn")]
    [InlineData("ignore")]
    public void MissingProbesWarnOrIgnoreGoesOn(string mode)
    {
        string ls = KernelFacts.UniqueCopyOf("/bin/ls", out _);
        var (code, stdout, stderr, ids) = RunWatched(["-e",
            $"tracepoint:syscalls:sys_enter_getpid {{ @a = count(); }} uprobe:{ls}:{MissingSymbol} {{ @c = count(); }} " +
            "interval:ms:300 { printf(\"still running\\n\"); exit(); }"], ("BPFTRACE_MISSING_PROBES", mode));

        Assert.True(code == 0, stderr);
        Assert.Contains("still running\n", stdout);
        Assert.Contains("Attached 2 probes", stderr);
        if (mode == "warn")
        {
            Assert.Contains($"WARNING: cannot attach uprobe:{ls}:{MissingSymbol}", stderr);
        }
        else
        {
            Assert.DoesNotContain("WARNING", stderr);
        }

        Leftovers.AssertNoneLeft(ids, ls);
    }

    [KernelFact]
    public void WhenEveryAttachPointIsSkippedTheRunFailsInsteadOfWaitingForever()
    {
        var (code, _, stderr, ids) = RunWatched(["-e", "uprobe:/nonexistent/btlang/binary:foo { @ = count(); }"], ("BPFTRACE_MISSING_PROBES", "warn"));
        Assert.Equal(1, code);
        Assert.Contains("'/nonexistent/btlang/binary' does not exist", stderr);
        Assert.Contains("ERROR: no probe could be attached", stderr);
        Leftovers.AssertNoneLeft(ids);
    }

    [KernelTheory]
    [InlineData("uprobe:/nonexistent/btlang/binary:foo", "does not exist")]
    [InlineData("uprobe:/bin/sh:" + MissingSymbol, "no symbol")]
    [InlineData("tracepoint:syscalls:sys_enter_btlang_nonexistent", "tracepoint not found")]
    [InlineData("kprobe:do_sys_open", "not supported by this kernel")]
    public void MissingPieceIsOneClearErrorWithAHint(string attachPoint, string problem)
    {
        var (code, stdout, stderr, _) = RunWatched(["-e", attachPoint + " { @ = count(); }"], ("BPFTRACE_MISSING_PROBES", "error"));
        Assert.Equal(1, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains(problem, stderr);
        Assert.Contains("HINT:", stderr);
        Assert.Equal(1, stderr.Split('\n').Count(l => l.StartsWith("ERROR", StringComparison.Ordinal) || l.Contains(": ERROR: ", StringComparison.Ordinal)));
    }

    [KernelTheory]
    [InlineData("error")]
    [InlineData("warn")]
    public void MissingUprobeTargetOrSymbolSaysHowToFindTheRightOne(string mode)
    {
        const string file = "/nonexistent/btlang/binary";
        string warn = mode == "warn" ? "WARNING: " : "ERROR: ";
        string skipping = mode == "warn" ? "; skipping it" : string.Empty;
        string fileHint = "HINT: check the path: give the binary's full path, or a name found on PATH or in ld.so.cache; `btlang -l 'uprobe:PATH:*'` lists a binary's symbols\n";
        string tail = mode == "warn" ? "BT3124\nERROR: no probe could be attached, so there is nothing to trace (see the warnings above; fix the attach points)\n" : null!;

        var missingFile = RunWatched(["-e", $"uprobe:{file}:foo {{ @ = count(); }}"], ("BPFTRACE_MISSING_PROBES", mode));
        Assert.Equal(1, missingFile.Code);
        Assert.Equal(
            $"{warn}cannot attach uprobe:{file}:foo: the file '{file}' does not exist{skipping}\n" + fileHint + (tail ?? "BT3115\n"),
            missingFile.Stderr);

        string ls = KernelFacts.UniqueCopyOf("/bin/ls", out _);
        var missingSymbol = RunWatched(["-e", $"uprobe:{ls}:{MissingSymbol} {{ @ = count(); }}"], ("BPFTRACE_MISSING_PROBES", mode));
        Assert.Equal(1, missingSymbol.Code);
        Assert.Equal(
            $"{warn}cannot attach uprobe:{ls}:{MissingSymbol}: no symbol '{MissingSymbol}' in {ls}{skipping}\n" +
            $"HINT: btlang -l 'uprobe:{ls}:*' lists its symbols\n" + (tail ?? "BT3116\n"),
            missingSymbol.Stderr);
        Leftovers.AssertNoneLeft(missingFile.Ids.Union(missingSymbol.Ids).ToList(), ls);
    }

    [KernelFact]
    public void NotRootIsOneClearError()
    {
        var info = new ProcessStartInfo("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", BtlangProcess.Executable, "-e", "BEGIN { exit(); }"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(info)!;
        string stderr = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(60_000));
        Assert.Equal(1, process.ExitCode);
        Assert.Contains("must run as root", stderr);
        Assert.Contains("HINT:", stderr);
    }

    [KernelFact]
    public void VerifierRejectionNamesTheProbeAndShowsTheLogAndAHint()
    {
        const string script = "tracepoint:syscalls:sys_enter_getpid { $i = 0; while ($i < 10000000) { @x[$i] = 1; $i++; } }";
        var (code, stdout, stderr, ids) = RunWatched(["-e", script]);
        Assert.Equal(1, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("the kernel verifier rejected the program", stderr);
        Assert.Contains("probe: tracepoint:syscalls:sys_enter_getpid", stderr);
        // The instruction the verifier stopped at is one of the loop body's two statements (which one depends on the
        // code generator's instruction order): its script line and column, from the object's BTF line info (the log
        // itself lost its line quotes, as a one-line script quotes its line only once).
        Assert.Equal("@x[$i] = 1;", script.Substring(71, 11));
        Assert.Equal("$i++;", script.Substring(83, 5));
        Assert.Contains(new[] { 72, 84 }, column => stderr.Contains(
            $"\nscript line 1, column {column}: " + script + "\n" + new string(' ', $"script line 1, column {column}: ".Length + column - 1) + "^\n"));
        Assert.Contains("BPF program is too large", stderr);
        Assert.Contains("HINT: run with -v", stderr);
        Assert.DoesNotContain("Attached", stderr);
        Leftovers.AssertNoneLeft(ids); // libbpf's feature probes may load (and free) small programs meanwhile

        var verbose = RunWatched(["-v", "-e", script]);
        Assert.Equal(1, verbose.Code);
        Assert.Contains("verifier log:", verbose.Stderr);
        Assert.True(verbose.Stderr.Split('\n').Length > stderr.Split('\n').Length + 20, verbose.Stderr);
    }

    [KernelFact]
    public void VerifierRejectionInAScriptFileShowsItsLine()
    {
        string dir = SafetyTests.TempDir();
        try
        {
            string file = Path.Combine(dir, "loop.bt");
            File.WriteAllText(file, "tracepoint:syscalls:sys_enter_getpid {\n  $i = 0;\n  while ($i < 10000000) {\n    @x[$i] = 1;\n    $i++;\n  }\n}\n");
            var (code, stdout, stderr, ids) = RunWatched([file]);
            Assert.Equal(1, code);
            Assert.Equal(string.Empty, stdout);
            // The verifier stops at one of the loop body's two statements, as in the one-line test above.
            Assert.Contains(new[] { (4, "    @x[$i] = 1;"), (5, "    $i++;") }, stop =>
            {
                string at = $"script line {stop.Item1}, column 5: ";
                return stderr.Contains($"\nprobe: tracepoint:syscalls:sys_enter_getpid\n{at}{stop.Item2}\n{new string(' ', at.Length + 4)}^\nHINT: run with -v");
            });
            Leftovers.AssertNoneLeft(ids);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [KernelFact]
    public void FullMapWarnsNamingTheMap()
    {
        using var workload = new Workload(5000);
        using var btlang = BtlangProcess.Start("-e",
            $"config = {{ max_map_keys = 8 }} tracepoint:syscalls:sys_enter_getpid /tid == {workload.Tid}/ {{ @calls = count(); @seen[nsecs] = count(); }}");
        btlang.WaitUntilAttached();
        var ids = Leftovers.ProgramIdsOf(btlang.Pid);
        workload.Start();
        workload.WaitUntilDone(TimeSpan.FromSeconds(30));
        btlang.Signal(KernelFacts.SigInt);
        int code = btlang.WaitForExit(TimeSpan.FromSeconds(30));

        Assert.True(code == 0, btlang.Stderr);
        Assert.Contains("WARNING: map full: @seen", btlang.Stderr);
        Assert.DoesNotContain("map full: @calls", btlang.Stderr);
        Assert.Contains("@calls: 5000\n", btlang.Stdout);
        Assert.Equal(8, btlang.Stdout.Split('\n').Count(l => l.StartsWith("@seen[", StringComparison.Ordinal)));
        Leftovers.AssertNoneLeft(ids);
    }

    /// <summary>Runs btlang to its end while sampling the program ids it holds, so even a short run's programs are checked afterwards.</summary>
    internal static (int Code, string Stdout, string Stderr, HashSet<int> Ids) RunWatched(string[] arguments, params (string Name, string Value)[] environment) =>
        RunWatched(BtlangProcess.Executable, arguments, environment);

    /// <summary>As above for any command that becomes btlang in the same process (exec), e.g. unshare or setpriv in front of it.</summary>
    internal static (int Code, string Stdout, string Stderr, HashSet<int> Ids) RunWatched(string file, string[] arguments, params (string Name, string Value)[] environment)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var ids = new HashSet<int>();
        var clock = Stopwatch.StartNew();
        while (!process.HasExited && clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            try
            {
                ids.UnionWith(Leftovers.ProgramIdsOf(process.Id));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // it exited while we looked
            }
        }

        if (!process.WaitForExit(TimeSpan.FromSeconds(5)))
        {
            process.Kill();
            process.WaitForExit();
            Assert.Fail("btlang did not exit within 60 s\n" + stderr.Result);
        }

        return (process.ExitCode, stdout.Result, stderr.Result, ids);
    }
}
