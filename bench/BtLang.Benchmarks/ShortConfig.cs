using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace BtLang.Benchmarks;

/// <summary>
/// A short job so the whole suite runs in a few minutes on a loaded 2-core machine: in process (no generated project
/// to build), 2 warmup and 7 measured iterations, medians reported beside means, allocations measured.
/// </summary>
public sealed class ShortConfig : ManualConfig
{
    /// <summary>Builds the configuration.</summary>
    public ShortConfig()
    {
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(2)
            .WithIterationCount(7)
            .WithId("short"));
        AddColumn(StatisticColumn.Median);
        AddDiagnoser(MemoryDiagnoser.Default);
        AddLogger(DefaultConfig.Instance.GetLoggers().ToArray());
        AddExporter(DefaultConfig.Instance.GetExporters().ToArray());
        AddColumnProvider(DefaultConfig.Instance.GetColumnProviders().ToArray());
        WithOptions(ConfigOptions.DisableOptimizationsValidator);
    }
}
