using System.Diagnostics;
using System.Text.RegularExpressions;
using BtLang.Diagnostics;
using BtLang.Emit.Tests.Llvm;
using BtLang.Semantics;
using BtLang.Syntax;

namespace BtLang.Emit.Tests.CodeGen;

/// <summary>
/// Issue 4's size target: the kernel's translated (post-verifier) size of the benchmark's seed programs is no larger
/// than bpftrace 0.17's for the same script (bench/harness: every script filters on a workload pid). The bounds are
/// bpftrace 0.17's figures on this kernel; the second test measures bpftrace side by side when it is installed.
/// Compiled as the driver compiles a script it runs without <c>-p</c>.
/// </summary>
public sealed class ProgramSizeTests
{
    public static TheoryData<string, string, int> Seeds => new()
    {
        { "count", "tracepoint:syscalls:sys_enter_getppid /pid == 4242/ { @ = count(); }", 38 },
        { "tid_count", "tracepoint:syscalls:sys_enter_getppid /pid == 4242/ { @[tid] = count(); }", 36 },
        { "hist", "tracepoint:syscalls:sys_enter_readahead /pid == 4242/ { @ = hist(args.count); }", 67 },
        {
            "latency",
            "tracepoint:syscalls:sys_enter_read /pid == 4242/ { @start[tid] = nsecs; } " +
            "tracepoint:syscalls:sys_exit_read /@start[tid]/ { @ns = hist(nsecs - @start[tid]); delete(@start[tid]); }",
            123
        },
        { "printf", "tracepoint:syscalls:sys_enter_getppid /pid == 4242/ { printf(\"%d %d\\n\", pid, tid); }", 29 },
    };

    [RootTheory]
    [MemberData(nameof(Seeds))]
    public void Seed_program_is_no_larger_than_bpftrace_0_17s(string name, string source, int bpftraceInstructions)
    {
        int instructions = XlatedInstructions(source);
        Assert.True(instructions <= bpftraceInstructions, $"{name}: {instructions} xlated instructions, bpftrace 0.17: {bpftraceInstructions}");
    }

    [BpftraceFact]
    public void Seed_programs_are_no_larger_than_bpftrace_run_side_by_side()
    {
        var report = new List<string>();
        bool ok = true;
        foreach (var row in Seeds)
        {
            string name = (string)row[0];
            string source = (string)row[1];
            int ours = XlatedInstructions(source);
            int programs = source.Split("tracepoint:", StringSplitOptions.RemoveEmptyEntries).Length;
            int theirs = BpftraceXlatedInstructions(source.Replace("args.", "args->", StringComparison.Ordinal), programs);
            report.Add($"{name}: btlang {ours}, bpftrace {theirs}");
            ok &= theirs > 0 && ours <= theirs;
        }

        Assert.True(ok, string.Join("\n", report));
    }

    /// <summary>Loads the object with bpftool and sums the xlated size of its bt_p* programs, in instructions.</summary>
    private static int XlatedInstructions(string source)
    {
        var result = BpfEmitter.Emit(Compilation.Create(SyntaxTree.ParseText(source)), new EmitOptions { PidFilter = false });
        Assert.True(result.Success, DiagnosticFormatter.Format(result.Diagnostics));
        string[] programs = result.Metadata!.Probes.Select(p => p.ProgramName).ToArray();
        KernelLoader.LoadResult load = KernelLoader.LoadAll(result.ObjectFile!, programs);
        Assert.True(load.ExitCode == 0, load.Log);
        var sizes = Regex.Matches(load.Show, @"xlated (\d+)B").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(programs.Length, sizes.Count);
        return sizes.Sum() / 8;
    }

    /// <summary>
    /// Runs bpftrace on the script until it holds <paramref name="programs"/> programs (read from its /proc fdinfo:
    /// its "Attaching" line is buffered when stdout is a pipe), sums their xlated size, then kills it. The scripts
    /// filter on a pid that makes no calls, so nothing is traced.
    /// </summary>
    private static int BpftraceXlatedInstructions(string source, int programs)
    {
        var start = new ProcessStartInfo("bpftrace") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-e");
        start.ArgumentList.Add(source);
        using var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (true)
            {
                Assert.False(process.HasExited, "bpftrace exited: " + (errors.Wait(1000) ? errors.Result : string.Empty));
                Assert.True(DateTime.UtcNow < deadline, "bpftrace did not load its programs in 60 s");
                var ids = ProgramIds(process.Id);
                if (ids.Count >= programs)
                {
                    return ids.Sum(id =>
                    {
                        string show = ToolRunner.Run("bpftool", "prog", "show", "id", id).Stdout;
                        return int.Parse(Regex.Match(show, @"xlated (\d+)B").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) / 8;
                    });
                }

                Thread.Sleep(100);
            }
        }
        finally
        {
            process.Kill();
            process.WaitForExit(10_000);
        }
    }

    private static HashSet<string> ProgramIds(int pid)
    {
        var ids = new HashSet<string>();
        foreach (string fdinfo in Directory.EnumerateFiles($"/proc/{pid}/fdinfo"))
        {
            try
            {
                if (Regex.Match(File.ReadAllText(fdinfo), @"prog_id:\s+(\d+)") is { Success: true } id)
                {
                    ids.Add(id.Groups[1].Value);
                }
            }
            catch (IOException)
            {
                // The descriptor was closed meanwhile.
            }
        }

        return ids;
    }
}
