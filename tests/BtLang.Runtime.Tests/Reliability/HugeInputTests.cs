using System.Diagnostics;
using System.Text;

namespace BtLang.Runtime.Tests.Reliability;

/// <summary>
/// Huge and deeply nested scripts compile to a diagnostic or an object within bounded time and memory. Each runs
/// in a child btlang (compile mode, no kernel needed) so a stack overflow fails the test instead of the test host.
/// </summary>
public sealed class HugeInputTests
{
    private static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(120);
    private const long MemoryLimitKb = 2L * 1024 * 1024;

    [Fact]
    public void HundredThousandStatementProbeIsRefusedAtOnce()
    {
        // No BPF program can hold it (jumps reach 32,767 instructions), and LLVM would take minutes to find out.
        var clock = Stopwatch.StartNew();
        var (code, stderr) = AssertBounded(Statements("  @x = @x + {0};\n", 100_000));
        Assert.Equal(1, code);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
        Assert.Contains("huge.bt:1:1-6: ERROR: probe too large: the body of BEGIN has more than 10,000 syntax nodes, more than a BPF program can hold\n", stderr);
        Assert.Contains("HINT: split the work over several probes", stderr);
        Assert.EndsWith("BT2050\n", stderr);
    }

    [Fact]
    public void ProbeJustUnderTheLimitStillCompiles()
    {
        var (code, stderr) = AssertBounded(Statements("  @x = @x + {0};\n", 1_500));
        Assert.True(code == 0, stderr);
    }

    [Fact]
    public void ProbeWhoseJumpsOutgrowBpfIsOneClearErrorNotACrash()
    {
        // Under the syntax limit, but the `if` must jump over 1,400 statements of two map reads each: LLVM's BPF
        // backend cannot encode that jump and stops with a fatal error, which used to abort the process (SIGABRT,
        // "LLVM ERROR: ...").
        string body = Statements("    @x = @x + @y;\n", 1_400)["BEGIN {\n".Length..^"  exit();\n}\n".Length];
        var (code, stderr) = AssertBounded("BEGIN {\n  @y = 1;\n  if (@y == 1) {\n" + body + "  }\n  exit();\n}\n");
        Assert.Equal(1, code);
        Assert.Equal(
            "ERROR: probe too large: its BPF code needs a jump of more than 32,767 instructions (LLVM: Branch target out of insn range)\n" +
            "HINT: split the work over several probes (one attach point may have several), or use a loop or a map instead of repeated statements\n" +
            "BT2050\n",
            stderr);
    }

    /// <summary>A BEGIN probe of <paramref name="count"/> statements (the format gets the statement's index mod 7), then exit().</summary>
    private static string Statements(string format, int count)
    {
        var text = new StringBuilder("BEGIN {\n");
        for (int i = 0; i < count; i++)
        {
            text.Append(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, i % 7));
        }

        return text.Append("  exit();\n}\n").ToString();
    }

    [Fact]
    public void HundredThousandLineScriptOfManyProbesAndComments()
    {
        var text = new StringBuilder();
        for (int i = 0; i < 100_000; i++)
        {
            text.Append(i % 1000 == 0 ? $"interval:s:{i / 1000 + 1} {{ @x{i % 7} = {i}; }}\n" : "// filler line, a comment\n");
        }

        var (code, stderr) = AssertBounded(text.ToString());
        Assert.True(code == 0, stderr);
    }

    [Fact]
    public void TenThousandNestedParentheses()
    {
        AssertBounded("BEGIN { @x = " + new string('(', 10_000) + "1" + new string(')', 10_000) + "; exit(); }\n");
    }

    [Fact]
    public void TenThousandNestedBlocks()
    {
        AssertBounded("BEGIN { " + string.Concat(Enumerable.Repeat("if (1) { ", 10_000)) + "@x = 1;" + new string('}', 10_000) + " }\n");
    }

    [Fact]
    public void UnclosedNestingIsADiagnostic()
    {
        var (code, stderr) = AssertBounded("BEGIN { @x = " + new string('(', 10_000) + "1; }\n");
        Assert.Equal(1, code);
        Assert.Contains("ERROR", stderr);
    }

    [Fact]
    public void OneMegabyteStringLiteral()
    {
        AssertBounded("BEGIN { printf(\"%s\\n\", \"" + new string('a', 1 << 20) + "\"); exit(); }\n");
    }

    [Fact]
    public void OneMegabyteComment()
    {
        var (code, stderr) = AssertBounded("// " + new string('c', 1 << 20) + "\nBEGIN { exit(); }\n");
        Assert.True(code == 0, stderr);
    }

    /// <summary>Compiles the script in a child btlang; asserts it ended by itself with 0 or 1 (not a crash), in time, within the memory limit.</summary>
    private static (int Code, string Stderr) AssertBounded(string script)
    {
        string dir = SafetyTests.TempDir();
        try
        {
            string file = Path.Combine(dir, "huge.bt");
            File.WriteAllText(file, script);
            var info = new ProcessStartInfo(BtlangProcess.Executable, ["compile", file, "-o", Path.Combine(dir, "huge.o")])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var process = Process.Start(info)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEndAsync();
            long peakKb = 0;
            var clock = Stopwatch.StartNew();
            while (!process.WaitForExit(50))
            {
                peakKb = Math.Max(peakKb, PeakKb(process.Id));
                if (clock.Elapsed > TimeLimit)
                {
                    process.Kill();
                    process.WaitForExit();
                    Assert.Fail($"did not finish within {TimeLimit}");
                }
            }

            string errors = stderr.Result;
            _ = stdout.Result;
            Assert.True(process.ExitCode is 0 or 1, $"exit {process.ExitCode} (a crash: 134 is SIGABRT, e.g. a stack overflow)\n{Tail(errors)}");
            Assert.True(peakKb < MemoryLimitKb, $"peak RSS {peakKb} kB");
            Assert.DoesNotContain("Stack overflow", errors);
            Assert.DoesNotContain("Unhandled exception", errors);
            return (process.ExitCode, Tail(errors));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static string Tail(string text) => text.Length > 4000 ? text[^4000..] : text;

    private static long PeakKb(int pid)
    {
        try
        {
            foreach (string line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
                }
            }
        }
        catch (IOException)
        {
        }

        return 0;
    }
}
