using System.Text.RegularExpressions;
using BtLang.Diagnostics;
using BtLang.Emit.Metadata;
using BtLang.Semantics;
using BtLang.Syntax;

namespace BtLang.Emit.Tests.CodeGen;

/// <summary>
/// What a program pays per event: keyless aggregations live in per-CPU arrays, and the prologue only looks up the
/// scratch and config maps and fetches pid_tgid when the program needs them.
/// </summary>
public sealed class MapRepresentationTests
{
    [Theory]
    [InlineData("@c = count()", "percpu_array", 4, 1)]
    [InlineData("@c = min(tid)", "percpu_array", 4, 1)]
    [InlineData("@c = max(tid)", "percpu_array", 4, 1)]
    [InlineData("@c = avg(tid)", "percpu_array", 4, 1)]
    [InlineData("@c = stats(tid)", "percpu_array", 4, 1)]
    [InlineData("@c = sum(tid)", "percpu_hash", 8, 1)]
    [InlineData("@c = count(); delete(@c)", "percpu_hash", 8, 1)]
    [InlineData("@c[tid] = count()", "percpu_hash", 8, 4096)]
    [InlineData("@c = 1", "hash", 8, 1)]
    public void KeylessAggregationsExceptSumAreOneSlotArrays(string body, string mapType, int keySize, int maxEntries)
    {
        var map = Map(Emit($"tracepoint:syscalls:sys_enter_getppid {{ {body}; }}"), "@c");
        Assert.Equal(mapType, map.BpfMapType);
        Assert.Equal(keySize, map.KeySize);
        Assert.Equal(maxEntries, map.MaxEntries);
    }

    [Fact]
    public void KeylessHistogramsAreArraysWithOneSlotPerBucket()
    {
        var result = Emit("tracepoint:syscalls:sys_enter_getppid { @h = hist(tid); @l = lhist(tid, 0, 100, 10); @k[pid] = hist(tid); }");
        var hist = Map(result, "@h");
        var lhist = Map(result, "@l");
        Assert.Equal((MapMetadata.PercpuArrayType, 4, hist.Buckets), (hist.BpfMapType, hist.KeySize, hist.MaxEntries));
        Assert.Equal((MapMetadata.PercpuArrayType, 4, lhist.Buckets), (lhist.BpfMapType, lhist.KeySize, lhist.MaxEntries));
        Assert.True(lhist.Buckets > 10);
        Assert.Equal("percpu_hash", Map(result, "@k").BpfMapType);
    }

    [Fact]
    public void CountLooksUpItsSlotOnly()
    {
        string ir = OptimizedIr("tracepoint:syscalls:sys_enter_getppid { @ = count(); }");
        Assert.DoesNotContain("@btl_scratch,", ir);
        // The config is a global read in place, not a map lookup.
        Assert.Equal(1, HelperCalls(ir, 1));
        Assert.Contains("ptr @btl_config, i64 24", ir);
        // get_current_pid_tgid only for -p, under a branch on the configured target.
        Assert.Equal(1, HelperCalls(ir, 14));
    }

    [Fact]
    public void WithoutPidFilterAndExitTheProgramReadsNoConfig()
    {
        string ir = OptimizedIr("tracepoint:syscalls:sys_enter_getppid { @ = count(); }", new EmitOptions { KeepIr = true, PidFilter = false });
        Assert.DoesNotContain("ptr @btl_config, i64", ir);
        Assert.Equal(0, HelperCalls(ir, 14));
    }

    [Fact]
    public void ExitMakesEveryProbeCheckTheExitingFlag()
    {
        var options = new EmitOptions { KeepIr = true, PidFilter = false };
        string ir = OptimizedIr("tracepoint:syscalls:sys_enter_getppid { @ = count(); } tracepoint:syscalls:sys_enter_getpid { exit(); }", options);
        // Both probes load the flag; the exit() probe also stores it.
        Assert.Equal(2, Regex.Matches(ir, @"load i64, ptr getelementptr inbounds \(i8, ptr @btl_config, i64 32\)").Count);
    }

    [Fact]
    public void PidFilterIsRecordedInTheMetadata()
    {
        Assert.Equal("1", Emit("tracepoint:syscalls:sys_enter_getppid { @ = count(); }").Metadata!.Settings["pid_filter"]);
        Assert.Equal("0", Emit("tracepoint:syscalls:sys_enter_getppid { @ = count(); }", new EmitOptions { PidFilter = false }).Metadata!.Settings["pid_filter"]);
    }

    [Fact]
    public void SmallKeysAndFreshValuesAreBuiltOnTheStack()
    {
        string ir = OptimizedIr("tracepoint:syscalls:sys_enter_getppid { @[tid] = count(); @s[pid] = 1; }");
        Assert.DoesNotContain("@btl_scratch,", ir);
    }

    [Fact]
    public void ThePredicatesMapReadIsReusedUntilTheMapIsWritten()
    {
        const string Seed = "tracepoint:syscalls:sys_enter_read { @start[tid] = nsecs; } " +
            "tracepoint:syscalls:sys_exit_read /@start[tid]/ { @ns = hist(nsecs - @start[tid]); delete(@start[tid]); $x = @start[tid]; }";
        string ir = OptimizedIr(Seed);
        string exit = ir.Split("\ndefine ").Single(f => f[..f.IndexOf('\n')].Contains("@bt_p1(", StringComparison.Ordinal));
        // Lookups: the predicate's (which also serves the hist's argument), the hist slot, and the read after
        // delete(), which must look again.
        Assert.Equal(3, HelperCalls(exit, 1));
        Assert.Equal(1, HelperCalls(exit, 3));
    }

    [Fact]
    public void ProgramsUsingScratchStillLookItUp()
    {
        string ir = OptimizedIr("tracepoint:syscalls:sys_enter_getppid { @[comm] = count(); }");
        Assert.Contains("@btl_scratch,", ir);
    }

    private static int HelperCalls(string ir, int helper) =>
        Regex.Matches(ir, $@"call [^\n]*inttoptr \(i64 {helper} to ptr\)").Count;

    private static string OptimizedIr(string source, EmitOptions? options = null)
    {
        var result = Emit(source, options ?? new EmitOptions { KeepIr = true });
        return result.OptimizedLlvmIr!;
    }

    private static MapMetadata Map(EmitResult result, string name) => result.Metadata!.Maps.Single(m => m.Name == name);

    private static EmitResult Emit(string source, EmitOptions? options = null)
    {
        var result = BpfEmitter.Emit(Compilation.Create(SyntaxTree.ParseText(source)), options);
        Assert.True(result.Success, DiagnosticFormatter.Format(result.Diagnostics));
        return result;
    }
}
