using System.Diagnostics;
using System.Globalization;

namespace BtLang.Benchmarks;

/// <summary>
/// Quick timings without BenchmarkDotNet: runs the named front-end operation many times after a warm-up and prints
/// min/median/max and the load; with a duration, repeats it for that long (for a profiler such as dotnet-trace).
/// </summary>
public static class QuickTimings
{
    /// <summary>
    /// <c>quick OPERATION [SCRIPT] [RUNS]</c> or <c>loop OPERATION [SCRIPT] [SECONDS]</c>; OPERATION is a benchmark
    /// method of <see cref="FrontEndBenchmarks"/> (Parse, Bind, ParseAndBind, ReparseEdit, ReparseAndBind) or
    /// DiagnosticsAfterEdit or Completion of <see cref="LspDiagnosticsBenchmarks"/>.
    /// </summary>
    public static int Run(string[] args)
    {
        bool loop = args[0] == "loop";
        string operation = args.Length > 1 ? args[1] : "ParseAndBind";
        string script = args.Length > 2 ? args[2] : Scripts.Lsp1000;
        int count = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : loop ? 20 : 200;
        Func<object> action = Operation(operation, script);
        for (int i = 0; i < 30; i++)
        {
            action();
        }

        var times = new List<double>();
        long allocated = GC.GetTotalAllocatedBytes(precise: true);
        var total = Stopwatch.StartNew();
        while (loop ? total.Elapsed.TotalSeconds < count : times.Count < count)
        {
            var watch = Stopwatch.StartNew();
            action();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        double perRun = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / (double)times.Count / 1024;
        times.Sort();
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{operation} {script}: min {times[0]:F2} ms, median {times[times.Count / 2]:F2} ms, max {times[^1]:F2} ms over {times.Count} runs, {perRun:F0} KiB allocated per run; load {Load.Now()}"));
        return 0;
    }

    private static Func<object> Operation(string operation, string script)
    {
        if (operation is nameof(LspDiagnosticsBenchmarks.DiagnosticsAfterEdit) or nameof(LspDiagnosticsBenchmarks.Completion))
        {
            var lsp = new LspDiagnosticsBenchmarks();
            lsp.Setup();
            return operation == nameof(LspDiagnosticsBenchmarks.Completion)
                ? () => lsp.Completion().GetAwaiter().GetResult()
                : () => { lsp.DiagnosticsAfterEdit().GetAwaiter().GetResult(); return lsp; };
        }

        var front = new FrontEndBenchmarks { Script = script };
        front.Setup();
        var method = typeof(FrontEndBenchmarks).GetMethod(operation) ?? throw new ArgumentException("no operation " + operation);
        return () => method.Invoke(front, null)!;
    }
}
