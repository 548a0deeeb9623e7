using BenchmarkDotNet.Running;

namespace BtLang.Benchmarks;

/// <summary>
/// Entry point: <c>dotnet run -c Release --project bench/BtLang.Benchmarks -- --filter '*'</c> (BenchmarkDotNet);
/// <c>-- quick OPERATION [SCRIPT] [RUNS]</c> and <c>-- loop OPERATION [SCRIPT] [SECONDS]</c> (see
/// <see cref="QuickTimings"/>); <c>-- startup SERVER [RUNS]</c> (see <see cref="StartupMeasurement"/>).
/// </summary>
public static class Program
{
    /// <summary>Runs the benchmarks selected on the command line (BenchmarkDotNet switcher arguments).</summary>
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] is "quick" or "loop")
        {
            return QuickTimings.Run(args);
        }

        if (args.Length > 1 && args[0] == "startup")
        {
            return StartupMeasurement.Run(args[1], args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 20);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, new ShortConfig());
        return 0;
    }
}
