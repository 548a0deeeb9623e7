using BtLang.Runtime.Tests.Probes;

namespace BtLang.Runtime.Tests;

/// <summary>The walking skeleton's slice, end to end on the real kernel (issue 2).</summary>
public sealed class WalkingSkeletonTests
{
    [KernelFact]
    public void BeginPrintfExit()
    {
        const string script = "BEGIN { printf(\"hello %d %s\\n\", 42, \"world\"); exit(); }";
        var before = KernelFacts.LoadedPrograms();
        var (code, stdout, stderr) = BtlangProcess.Run("-e", script);
        Assert.True(code == 0, stderr);
        Assert.Equal("hello 42 world\n\n\n", stdout);
        Assert.Contains("Attached 1 probe", stderr);

        // Only programs of the types this script loads count: other BtLang runs on the machine load programs too.
        Leaks.AssertNoneSince(before, Leaks.ProgramTypesOf(script));
    }

    [KernelTheory]
    [InlineData(KernelFacts.SigInt)]
    [InlineData(KernelFacts.SigTerm)]
    public void CountsTheWorkloadsSyscallsAndPrintsTheMapOnSignal(int signal)
    {
        var before = KernelFacts.LoadedPrograms();
        string sleep = KernelFacts.UniqueCopyOf("/bin/sleep", out string comm);
        string script = $"tracepoint:syscalls:sys_enter_clock_nanosleep /comm == \"{comm}\"/ {{ @[comm] = count(); @pids[pid] = count(); }}";
        using var btlang = BtlangProcess.Start("-e", script);
        btlang.WaitUntilAttached();
        KernelFacts.RunWorkload(sleep, "0", 5);
        btlang.Signal(signal);
        int code = btlang.WaitForExit(TimeSpan.FromSeconds(30));

        Assert.True(code == 0, btlang.Stderr);
        Assert.StartsWith("Attached 1 probe\n", btlang.Stderr);
        var lines = btlang.Stdout.Split('\n');
        Assert.Equal(string.Empty, lines[0]);
        Assert.Equal(string.Empty, lines[1]);
        Assert.Equal($"@[{comm}]: 5", lines[2]);
        var pidLines = lines.Skip(3).Where(l => l.Length > 0).ToList();
        Assert.Equal(5, pidLines.Count);
        Assert.All(pidLines, l => Assert.Matches(@"^@pids\[\d+\]: 1$", l));
        Leaks.AssertNoneSince(before, Leaks.ProgramTypesOf(script));
    }

    [KernelFact]
    public void IntervalExitsAndBuiltinsWork()
    {
        // An interval probe may fire in the idle task (pid 0, swapper/N), so only clock builtins are asserted here;
        // pid, tid and comm are checked on a workload in CountsTheWorkloadsSyscallsAndPrintsTheMapOnSignal.
        var (code, stdout, stderr) = BtlangProcess.Run("-e",
            "interval:ms:200 { printf(\"%d %d %d\\n\", nsecs > 0, elapsed > 0, cpu >= 0); exit(); }");
        Assert.True(code == 0, stderr);
        Assert.Equal("1 1 1\n\n\n", stdout);
    }

    [KernelFact]
    public void ExitCodeIsTheArgumentOfExit()
    {
        var (code, _, stderr) = BtlangProcess.Run("-e", "BEGIN { exit(3); }");
        Assert.True(code == 3, stderr);
    }

    [KernelFact]
    public void CompiledObjectRunsLikeTheScript()
    {
        string dir = Path.Combine(Path.GetTempPath(), "btlang-aot-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string script = Path.Combine(dir, "x.bt");
            string obj = Path.Combine(dir, "x.o");
            File.WriteAllText(script, "BEGIN { @a[\"x\", 1] = 5; @b = hist(100); printf(\"%s-%d\\n\", \"aot\", 7); exit(); }\n");
            var direct = BtlangProcess.Run(script);
            Assert.True(direct.Code == 0, direct.Stderr);
            var compile = BtlangProcess.Run("compile", script, "-o", obj);
            Assert.True(compile.Code == 0, compile.Stderr);
            var pin = "/sys/fs/bpf/btlang_aot_" + Guid.NewGuid().ToString("N")[..10];
            var (loadCode, loadOutput) = KernelFacts.Run("bpftool", $"prog loadall {obj} {pin}");
            KernelFacts.Run("rm", $"-rf {pin}");
            Assert.True(loadCode == 0, loadOutput);
            var run = BtlangProcess.Run("run", obj);
            Assert.True(run.Code == 0, run.Stderr);
            Assert.Equal(direct.Stdout, run.Stdout);
            Assert.Contains("aot-7\n", run.Stdout);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void SyntaxErrorIsReportedLikeBpftraceWithItsId()
    {
        var (code, stdout, stderr) = BtlangProcess.Run("-e", "BEGIN { printf(\"x\" }");
        Assert.Equal(1, code);
        Assert.Empty(stdout);
        var lines = stderr.Split('\n');
        Assert.Matches(@"^stdin:1:\d+-\d+: ERROR: ", lines[0]);
        Assert.Equal("BEGIN { printf(\"x\" }", lines[1]);
        Assert.Matches(@"^\s*~+$", lines[2]);
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, "^BT0[0-9]{3}$"));
    }

    [Fact]
    public void SemanticErrorNamesTheIdAndSpan()
    {
        var (code, _, stderr) = BtlangProcess.Run("-e", "BEGIN { prinft(\"x\"); }");
        Assert.Equal(1, code);
        Assert.StartsWith("stdin:1:9-15: ERROR: Unknown function: 'prinft'\nBEGIN { prinft(\"x\"); }\n        ~~~~~~\n", stderr);
        Assert.Contains("\nBT1001\n", stderr);
    }

    [KernelFact]
    public void NotRootGetsOneClearLine()
    {
        var (code, output) = KernelFacts.Run("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--inh-caps=-all", "--bounding-set=-all", BtlangProcess.Executable, "-e", "BEGIN { exit(); }");
        Assert.Equal(1, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith("BT", StringComparison.Ordinal)).ToList();
        Assert.Contains(lines, l => l.Contains("root", StringComparison.OrdinalIgnoreCase) || l.Contains("CAP_", StringComparison.Ordinal));
    }
}
