using BtLang.Semantics.ProbeCatalog.PerfEvents;
using BtLang.Semantics.ProbeCatalog.Providers;

namespace BtLang.Semantics.Tests.ProbeCatalog;

public class ProbeProvidersTests
{
    [Theory]
    [InlineData("kprobe", ProbeProviderKind.Kprobe)]
    [InlineData("k", ProbeProviderKind.Kprobe)]
    [InlineData("kr", ProbeProviderKind.Kretprobe)]
    [InlineData("u", ProbeProviderKind.Uprobe)]
    [InlineData("U", ProbeProviderKind.Usdt)]
    [InlineData("ur", ProbeProviderKind.Uretprobe)]
    [InlineData("t", ProbeProviderKind.Tracepoint)]
    [InlineData("rt", ProbeProviderKind.RawTracepoint)]
    [InlineData("p", ProbeProviderKind.Profile)]
    [InlineData("i", ProbeProviderKind.Interval)]
    [InlineData("s", ProbeProviderKind.Software)]
    [InlineData("h", ProbeProviderKind.Hardware)]
    [InlineData("w", ProbeProviderKind.Watchpoint)]
    [InlineData("f", ProbeProviderKind.Fentry)]
    [InlineData("kfunc", ProbeProviderKind.Fentry)]
    [InlineData("fr", ProbeProviderKind.Fexit)]
    [InlineData("kretfunc", ProbeProviderKind.Fexit)]
    [InlineData("it", ProbeProviderKind.Iter)]
    [InlineData("BEGIN", ProbeProviderKind.Begin)]
    [InlineData("begin", ProbeProviderKind.Begin)]
    [InlineData("END", ProbeProviderKind.End)]
    [InlineData("end", ProbeProviderKind.End)]
    [InlineData("self", ProbeProviderKind.Self)]
    [InlineData("test", ProbeProviderKind.Test)]
    [InlineData("bench", ProbeProviderKind.Bench)]
    [InlineData("Tracepoint", ProbeProviderKind.Tracepoint)]
    public void Finds_providers_by_name_and_alias(string name, ProbeProviderKind kind)
    {
        Assert.True(ProbeProviders.TryGet(name, out var provider));
        Assert.Equal(kind, provider.Kind);
        Assert.Same(provider, ProbeProviders.Get(kind));
    }

    [Fact]
    public void Unknown_provider_is_not_found()
    {
        Assert.False(ProbeProviders.TryGet("kprobez", out _));
    }

    [Fact]
    public void Builtins_follow_probe_kind()
    {
        Assert.True(ProbeProviders.Get(ProbeProviderKind.Kretprobe).Allows(ProbeBuiltins.Retval));
        Assert.False(ProbeProviders.Get(ProbeProviderKind.Kprobe).Allows(ProbeBuiltins.Retval));
        Assert.True(ProbeProviders.Get(ProbeProviderKind.Kprobe).Allows(ProbeBuiltins.ArgN | ProbeBuiltins.Func));
        Assert.True(ProbeProviders.Get(ProbeProviderKind.Tracepoint).Allows(ProbeBuiltins.Args));
        Assert.False(ProbeProviders.Get(ProbeProviderKind.Tracepoint).Allows(ProbeBuiltins.ArgN));
        Assert.True(ProbeProviders.Get(ProbeProviderKind.Fexit).Allows(ProbeBuiltins.Args | ProbeBuiltins.Retval));
        Assert.False(ProbeProviders.Get(ProbeProviderKind.Fentry).IsReturnProbe);
        Assert.Equal(ProbeBuiltins.None, ProbeProviders.Get(ProbeProviderKind.Begin).Builtins);
        // Every kind is in the table exactly once, at its own index.
        Assert.Equal(Enum.GetValues<ProbeProviderKind>(), ProbeProviders.All.Select(p => p.Kind));
    }

    [Fact]
    public void Perf_events_have_kernel_numbers_and_aliases()
    {
        Assert.Equal(11, PerfEventTable.Software.Length);
        Assert.Equal(10, PerfEventTable.Hardware.Length);
        var cs = PerfEventTable.FindSoftware("cs")!;
        Assert.Equal("context-switches", cs.Name);
        Assert.Equal(3UL, cs.Config);
        Assert.Equal(PerfEventType.Software, cs.Type);
        Assert.Equal(1_000_000UL, PerfEventTable.FindSoftware("cpu")!.DefaultPeriod);
        var branches = PerfEventTable.FindHardware("branches")!;
        Assert.Equal("branch-instructions", branches.Name);
        Assert.Equal(4UL, branches.Config);
        Assert.Equal(9UL, PerfEventTable.FindHardware("ref-cycles")!.Config);
        Assert.Null(PerfEventTable.FindHardware("cpu-clock"));
    }
}
