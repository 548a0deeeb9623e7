using System.Collections.Immutable;

namespace BtLang.Semantics.ProbeCatalog.Providers;

/// <summary>The table of probe providers with their names, aliases and builtins.</summary>
public static class ProbeProviders
{
    private static readonly ProbeBuiltins Entry = ProbeBuiltins.ArgN | ProbeBuiltins.Func;
    private static readonly ProbeBuiltins Return = ProbeBuiltins.Retval | ProbeBuiltins.Func;

    /// <summary>Every provider, in the order bpftrace documents them.</summary>
    public static ImmutableArray<ProbeProvider> All { get; } =
    [
        Make(ProbeProviderKind.Kprobe, "kprobe", ["k"], Entry, true, "kprobe[:module]:function[+offset]", "Kernel function entry (dynamic tracing)."),
        Make(ProbeProviderKind.Kretprobe, "kretprobe", ["kr"], Return, true, "kretprobe[:module]:function", "Kernel function return (dynamic tracing)."),
        Make(ProbeProviderKind.Uprobe, "uprobe", ["u"], Entry | ProbeBuiltins.ArgsFromDebugInfo, true, "uprobe:binary:function[+offset]", "User-level function entry."),
        Make(ProbeProviderKind.Uretprobe, "uretprobe", ["ur"], Return, true, "uretprobe:binary:function", "User-level function return."),
        Make(ProbeProviderKind.Tracepoint, "tracepoint", ["t"], ProbeBuiltins.Args, true, "tracepoint:category:event", "Kernel static tracepoint."),
        Make(ProbeProviderKind.RawTracepoint, "rawtracepoint", ["rt"], ProbeBuiltins.ArgN | ProbeBuiltins.Args, true, "rawtracepoint[:module]:event", "Kernel raw tracepoint: untranslated tracepoint arguments."),
        Make(ProbeProviderKind.Usdt, "usdt", ["U"], ProbeBuiltins.ArgN, true, "usdt:binary:[provider:]name", "User statically defined tracing probe."),
        Make(ProbeProviderKind.Profile, "profile", ["p"], ProbeBuiltins.None, false, "profile:hz|s|ms|us:rate", "Timed sampling on every CPU."),
        Make(ProbeProviderKind.Interval, "interval", ["i"], ProbeBuiltins.None, false, "interval:s|ms|us|hz:rate", "Timed output on one CPU."),
        Make(ProbeProviderKind.Software, "software", ["s"], ProbeBuiltins.None, false, "software:event[:count]", "Kernel software event."),
        Make(ProbeProviderKind.Hardware, "hardware", ["h"], ProbeBuiltins.None, false, "hardware:event[:count]", "Processor-level (PMU) event."),
        Make(ProbeProviderKind.Watchpoint, "watchpoint", ["w"], ProbeBuiltins.None, false, "watchpoint:address:length:mode", "Memory watchpoint (hardware breakpoint)."),
        Make(ProbeProviderKind.Fentry, "fentry", ["f", "kfunc"], ProbeBuiltins.Args | ProbeBuiltins.Func, true, "fentry[:module]:function", "Kernel function entry through BTF (BPF trampoline)."),
        Make(ProbeProviderKind.Fexit, "fexit", ["fr", "kretfunc"], ProbeBuiltins.Args | Return, true, "fexit[:module]:function", "Kernel function return through BTF (BPF trampoline)."),
        Make(ProbeProviderKind.Iter, "iter", ["it"], ProbeBuiltins.None, true, "iter:object[:pin]", "BPF iterator over kernel objects."),
        Make(ProbeProviderKind.Begin, "BEGIN", ["begin"], ProbeBuiltins.None, false, "BEGIN", "Runs once at program start."),
        Make(ProbeProviderKind.End, "END", ["end"], ProbeBuiltins.None, false, "END", "Runs once at program exit, before maps print."),
        Make(ProbeProviderKind.Self, "self", [], ProbeBuiltins.None, false, "self:signal:SIGUSR1", "Events of the tracer itself (signals)."),
        Make(ProbeProviderKind.Test, "test", [], ProbeBuiltins.None, false, "test:name", "Self-test block (run with --test)."),
        Make(ProbeProviderKind.Bench, "bench", [], ProbeBuiltins.None, false, "bench:name", "Benchmark block (run with --bench)."),
    ];

    private static readonly Dictionary<string, ProbeProvider> ByName = BuildIndex(StringComparer.Ordinal);
    private static readonly Dictionary<string, ProbeProvider> ByLongNameIgnoreCase = All.ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Finds a provider by canonical name or alias. Exact spelling first (so <c>U</c> is usdt and <c>u</c> uprobe);
    /// then canonical names case-insensitively (<c>Tracepoint</c>, <c>begin</c>), as bpftrace accepts since 0.24.
    /// </summary>
    public static bool TryGet(string name, out ProbeProvider provider)
    {
        if (ByName.TryGetValue(name, out provider!))
            return true;
        if (ByLongNameIgnoreCase.TryGetValue(name, out provider!))
            return true;
        provider = null!;
        return false;
    }

    /// <summary>The provider of a kind.</summary>
    public static ProbeProvider Get(ProbeProviderKind kind) => All[(int)kind];

    private static ProbeProvider Make(ProbeProviderKind kind, string name, string[] aliases, ProbeBuiltins builtins, bool wildcards, string syntax, string description)
        => new(kind, name, [.. aliases], builtins, wildcards, syntax, description);

    private static Dictionary<string, ProbeProvider> BuildIndex(StringComparer comparer)
    {
        var index = new Dictionary<string, ProbeProvider>(comparer);
        foreach (var provider in All)
        {
            foreach (var name in provider.AllNames)
                index[name] = provider;
        }
        return index;
    }
}
