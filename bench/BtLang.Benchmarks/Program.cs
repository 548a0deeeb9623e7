using BenchmarkDotNet.Running;

namespace BtLang.Benchmarks;

/// <summary>Entry point: <c>dotnet run -c Release --project bench/BtLang.Benchmarks -- --filter '*'</c>.</summary>
public static class Program
{
    /// <summary>Runs the benchmarks selected on the command line (BenchmarkDotNet switcher arguments).</summary>
    public static void Main(string[] args) =>
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, new ShortConfig());
}
