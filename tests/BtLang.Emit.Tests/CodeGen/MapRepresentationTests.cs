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
    public void CountWithoutScratchLooksUpConfigAndItsSlotOnly()
    {
        string ir = OptimizedIr("tracepoint:syscalls:sys_enter_getppid { @ = count(); }");
        Assert.DoesNotContain("@btl_scratch,", ir);
        Assert.Equal(2, HelperCalls(ir, 1));
        // get_current_pid_tgid only for -p, under a branch on the configured target.
        Assert.Equal(1, HelperCalls(ir, 14));
    }

    [Fact]
    public void PidAndTidShareOneGetCurrentPidTgid()
    {
        string ir = OptimizedIr("tracepoint:syscalls:sys_enter_getppid /pid == 7/ { @[tid] = count(); printf(\"%d %d\\n\", pid, tid); }");
        // One in the setup block for pid/tid, one for -p.
        Assert.Equal(2, HelperCalls(ir, 14));
    }

    [Fact]
    public void ProgramsUsingScratchStillLookItUp()
    {
        string ir = OptimizedIr("tracepoint:syscalls:sys_enter_getppid { @[comm] = count(); }");
        Assert.Contains("@btl_scratch,", ir);
    }

    private static int HelperCalls(string ir, int helper) =>
        Regex.Matches(ir, $@"call [^\n]*inttoptr \(i64 {helper} to ptr\)").Count;

    private static string OptimizedIr(string source)
    {
        var result = Emit(source, new EmitOptions { KeepIr = true });
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
