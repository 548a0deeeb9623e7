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

    [Fact(Skip = "Emit/Semantics bug: a 100k-statement probe does not compile within 100 s (20k statements: ~9 s, super-linear); owners to fix")]
    public void HundredThousandStatementScript()
    {
        var text = new StringBuilder("BEGIN {\n");
        for (int i = 0; i < 100_000; i++)
        {
            text.Append("  @x = @x + ").Append(i % 7).Append(";\n");
        }

        text.Append("  exit();\n}\n");
        AssertBounded(text.ToString());
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
