using System.Diagnostics;
using System.Globalization;
using System.Text;
using Xunit.Abstractions;

namespace BtLang.LanguageServer.Tests;

/// <summary>
/// Latency on a 1,000-line document over the in-memory connection (the figures are printed; run with
/// <c>--logger "console;verbosity=detailed"</c>). Targets: completion under 20 ms, diagnostics under 50 ms after an
/// edit (not counting the debounce delay). The assertions are loose, since test machines are shared; the printed
/// medians are the figures.
/// </summary>
public sealed class LatencyTests
{
    private const string Uri = "file:///tmp/latency.bt";
    private readonly ITestOutputHelper _output;

    public LatencyTests(ITestOutputHelper output) => _output = output;

    internal static string ThousandLines()
    {
        var text = new StringBuilder();
        int line = 0, probe = 0;
        while (line < 1000)
        {
            text.Append(CultureInfo.InvariantCulture, $"kprobe:vfs_read{probe} /pid > {probe}/\n{{\n");
            text.Append(CultureInfo.InvariantCulture, $"  @start{probe % 20}[tid] = nsecs;\n  $x = {probe} + 1;\n  $y = $x * 2;\n");
            text.Append(CultureInfo.InvariantCulture, $"  @bytes[comm] = sum($y);\n  if ($y > 10) {{ printf(\"%d %s\\n\", $y, comm); }}\n}}\n\n");
            line += 9;
            probe++;
        }
        return text.ToString();
    }

    [Fact]
    public async Task Completion_and_diagnostics_on_a_thousand_line_document()
    {
        await using var client = await LspTestClient.StartAsync(diagnosticsDelay: TimeSpan.Zero);
        string text = ThousandLines();
        int lines = text.Count(c => c == '\n');
        await client.OpenAsync(Uri, text);
        await client.WaitForDiagnosticsAsync(Uri, 1, 60000);

        // Warm up the code paths once.
        await client.RequestAsync("textDocument/completion", LspTestClient.At(Uri, 500, 2));

        var diagnostics = new List<double>();
        var diagnosticsCpu = new List<double>();
        var completionAfterEdit = new List<double>();
        var completionWarm = new List<double>();
        var completionWarmCpu = new List<double>();
        for (int round = 0; round < 15; round++)
        {
            int version = round + 2;
            int line = 3 + 9 * (round * 7 % 100);
            var cpu = CpuTime();
            var watch = Stopwatch.StartNew();
            await client.ChangeAsync(Uri, version, (line, 2, line, 2, round % 2 == 0 ? "$z = 1; " : ""));
            var published = await client.WaitForDiagnosticsAsync(Uri, version, 60000);
            diagnostics.Add(watch.Elapsed.TotalMilliseconds);
            diagnosticsCpu.Add((CpuTime() - cpu).TotalMilliseconds);
            Assert.Empty(published.Diagnostics);

            await client.ChangeAsync(Uri, version + 100, (line, 2, line, 2, ""));
            watch.Restart();
            var list = await client.RequestAsync("textDocument/completion", LspTestClient.At(Uri, line, 2));
            completionAfterEdit.Add(watch.Elapsed.TotalMilliseconds);
            Assert.True(list.GetProperty("items").GetArrayLength() > 10);

            cpu = CpuTime();
            watch.Restart();
            await client.RequestAsync("textDocument/completion", LspTestClient.At(Uri, line + 1, 3));
            completionWarm.Add(watch.Elapsed.TotalMilliseconds);
            completionWarmCpu.Add((CpuTime() - cpu).TotalMilliseconds);
        }
        _output.WriteLine($"document: {lines} lines, {text.Length} characters; load average {LoadAverage()}");
        _output.WriteLine($"CPU time of the whole process (client + server): diagnostics per edit median {Median(diagnosticsCpu):F1} ms, completion median {Median(completionWarmCpu):F1} ms");
        _output.WriteLine($"diagnostics after an edit (edit sent -> publishDiagnostics received, no debounce): median {Median(diagnostics):F1} ms, max {diagnostics.Max():F1} ms");
        _output.WriteLine($"completion right after an edit (includes reparse + bind): median {Median(completionAfterEdit):F1} ms, max {completionAfterEdit.Max():F1} ms");
        _output.WriteLine($"completion on an analysed version: median {Median(completionWarm):F1} ms, max {completionWarm.Max():F1} ms");
        Assert.True(Median(diagnostics) < 1000, $"diagnostics median {Median(diagnostics)} ms");
        Assert.True(Median(completionWarm) < 500, $"completion median {Median(completionWarm)} ms");
    }

    [Fact]
    public void Parse_and_bind_times_of_a_thousand_line_document()
    {
        string text = ThousandLines();
        var parse = new List<double>();
        var bind = new List<double>();
        var parseCpu = new List<double>();
        var bindCpu = new List<double>();
        for (int i = 0; i < 10; i++)
        {
            var cpu = CpuTime();
            var watch = Stopwatch.StartNew();
            var tree = BtLang.Syntax.SyntaxTree.ParseText(text);
            parse.Add(watch.Elapsed.TotalMilliseconds);
            parseCpu.Add((CpuTime() - cpu).TotalMilliseconds);
            cpu = CpuTime();
            watch.Restart();
            var diagnostics = BtLang.Semantics.Compilation.Create(tree, new BtLang.Semantics.CompilationOptions { Catalog = LspTestClient.FixtureCatalog }).GetDiagnostics();
            bind.Add(watch.Elapsed.TotalMilliseconds);
            bindCpu.Add((CpuTime() - cpu).TotalMilliseconds);
            Assert.Empty(diagnostics);
        }
        _output.WriteLine($"parse: median {Median(parse):F1} ms (CPU {Median(parseCpu):F1} ms); bind + diagnostics: median {Median(bind):F1} ms (CPU {Median(bindCpu):F1} ms); load average {LoadAverage()}");
    }

    private static TimeSpan CpuTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private static string LoadAverage()
        => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
