using BtLang.Driver.Attach;
using BtLang.Driver.Tests.Fixtures;

namespace BtLang.Driver.Tests.Attach;

/// <summary>Feature probing on this kernel and the bpftrace --info wording harnesses grep for.</summary>
public sealed class KernelFeaturesTests
{
    [RootFact]
    public void ProbesThisKernel()
    {
        var features = KernelFeatures.Current;
        Assert.Same(features, KernelFeatures.Current);
        Assert.True(features.Btf);
        Assert.True(features.LoopSupport);
        Assert.True(features.MapBatch);
        Assert.True(features.RingBufferMap);
        Assert.True(features.Tracepoints && features.RawTracepoints && features.PerfEvents && features.Uprobes);
        Assert.True(features.ProbeReadKernel && features.ProbeReadUserStr && features.SendSignal);
        Assert.True(features.Breakpoints);

        // The documented limits of this machine (PLATFORM.md): no kprobes, no tracing programs, no hardware PMU.
        Assert.False(features.Kprobes);
        Assert.False(features.TracingPrograms);
        Assert.False(features.HardwarePmu);
    }

    [RootFact]
    public void FormatsLikeBpftraceInfo()
    {
        string text = KernelFeaturesFormatter.Format(KernelFeatures.Current, "btlang 0.1.0", "19.1.7", "1.1");
        var lines = text.Split('\n');
        Assert.Equal("System", lines[0]);
        Assert.StartsWith("  OS: Linux 6.", lines[1]);
        Assert.Equal("  Arch: x86_64", lines[2]);
        foreach (var expected in new[]
        {
            "Build", "  version: btlang 0.1.0", "  LLVM: 19.1.7", "Kernel helpers", "  probe_read_kernel: yes", "  send_signal: yes",
            "Kernel features", "  Instruction limit: 1000000", "  Loop support: yes", "  btf: yes", "  map batch: yes",
            "  uprobe refcount (depends on Build:bcc bpf_attach_uprobe refcount): yes",
            "Map types", "  hash: yes", "  percpu array: yes",
            "Probe types", "  kprobe: no", "  tracepoint: yes", "  perf_event: yes", "  kfunc: no", "  iter:task: yes", "  raw_tp_special: yes",
        })
        {
            Assert.Contains(expected, lines);
        }
    }

    [Fact]
    public void LibBpfIsInstalled()
    {
        Assert.Null(BtLang.Driver.LibBpf.LibBpfAvailability.Check());
        Assert.Equal("1.1", BtLang.Driver.LibBpf.LibBpfAvailability.Version);
    }
}
