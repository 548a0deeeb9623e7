using System.Collections.Immutable;
using BtLang.Semantics.ProbeCatalog.Btf;
using BtLang.Semantics.ProbeCatalog.Providers;
using BtLang.Semantics.ProbeCatalog.Wildcards;

namespace BtLang.Semantics.ProbeCatalog.Listing;

/// <summary>
/// Produces the lines of <c>bpftrace -l [PATTERN]</c> and <c>-lv</c>: <c>tracepoint:syscalls:sys_enter_openat</c>,
/// <c>rawtracepoint:sched_switch</c>, <c>software:cpu-clock:</c>, <c>hardware:cycles:</c>,
/// <c>uprobe:/bin/bash:readline</c>, <c>usdt:/path:provider:name</c>, <c>kprobe:func</c>, <c>fentry:vmlinux:func</c>,
/// <c>iter:task</c>. With verbose, tracepoints list their fields (<c>    const char * filename</c>) and
/// rawtracepoints/fentry/fexit their BTF arguments.
/// </summary>
public sealed class ProbeLister
{
    private const string Indent = "    ";
    private readonly IProbeCatalog _catalog;
    private readonly IReadOnlySet<ProbeProviderKind> _unavailable;

    /// <summary>A lister over a catalog.</summary>
    public ProbeLister(IProbeCatalog catalog)
        : this(catalog, new HashSet<ProbeProviderKind>())
    {
    }

    /// <summary>A lister over a catalog that leaves out providers the kernel cannot attach (e.g. fentry without BPF
    /// trampolines, hardware without a PMU), as the driver knows from its feature probe.</summary>
    public ProbeLister(IProbeCatalog catalog, IReadOnlySet<ProbeProviderKind> unavailableProviders)
    {
        _catalog = catalog;
        _unavailable = unavailableProviders;
    }

    /// <summary>
    /// Lists probes matching <paramref name="pattern"/> (null or empty: every kernel probe; uprobes and USDT need a
    /// binary in the pattern). A pattern without a provider (<c>sys_enter_open*</c>) is searched in every provider.
    /// The result is sorted the way bpftrace prints it.
    /// </summary>
    public ImmutableArray<ProbeListing> List(string? pattern, bool verbose)
    {
        var results = new List<ProbeListing>();
        if (string.IsNullOrWhiteSpace(pattern))
        {
            foreach (var provider in ListedByDefault)
                results.AddRange(ListProvider(provider, "*", verbose));
        }
        else
        {
            pattern = pattern.Trim();
            if (TryListTypes(pattern, verbose) is { } types)
                return types;
            int colon = pattern.IndexOf(':');
            string providerPart = colon < 0 ? "" : pattern[..colon];
            string rest = colon < 0 ? "" : pattern[(colon + 1)..];
            if (colon >= 0 && ProbeProviders.TryGet(providerPart, out var provider))
            {
                results.AddRange(ListProvider(provider.Kind, rest, verbose));
            }
            else if (colon >= 0 && WildcardPattern.HasWildcards(providerPart))
            {
                var providerPattern = WildcardPattern.Parse(providerPart);
                foreach (var kind in ListedByDefault.Where(k => ProbeProviders.Get(k).AllNames.Any(providerPattern.IsMatch)))
                    results.AddRange(ListProvider(kind, rest, verbose));
            }
            else if (colon < 0)
            {
                // No provider: match the pattern against the last part of every kernel probe.
                var whole = WildcardPattern.Parse("*:" + pattern);
                var bare = WildcardPattern.Parse(pattern);
                foreach (var kind in ListedByDefault)
                {
                    results.AddRange(ListProvider(kind, "*", verbose)
                        .Where(l => whole.IsMatch(l.Probe) || whole.IsMatch(l.Probe.TrimEnd(':')) || bare.IsMatch(l.Probe)));
                }
            }
        }
        return [.. results.DistinctBy(r => r.Probe).OrderBy(r => r.Probe, StringComparer.Ordinal)];
    }

    /// <summary>The listing as text lines (probe lines followed by their detail lines when verbose).</summary>
    public IEnumerable<string> ListLines(string? pattern, bool verbose)
    {
        foreach (var listing in List(pattern, verbose))
        {
            yield return listing.Probe;
            foreach (var detail in listing.Details)
                yield return detail;
        }
    }

    /// <summary>The providers a bare <c>-l</c> lists (those that need no binary).</summary>
    public static ImmutableArray<ProbeProviderKind> ListedByDefault { get; } =
    [
        ProbeProviderKind.Kprobe, ProbeProviderKind.Kretprobe, ProbeProviderKind.Tracepoint, ProbeProviderKind.RawTracepoint,
        ProbeProviderKind.Software, ProbeProviderKind.Hardware, ProbeProviderKind.Fentry, ProbeProviderKind.Fexit,
        ProbeProviderKind.Iter,
    ];

    private IEnumerable<ProbeListing> ListProvider(ProbeProviderKind kind, string rest, bool verbose)
    {
        if (_unavailable.Contains(kind))
            yield break;
        string name = ProbeProviders.Get(kind).Name;
        switch (kind)
        {
            case ProbeProviderKind.Tracepoint:
            {
                int colon = rest.IndexOf(':');
                string category = colon < 0 ? (rest.Length == 0 ? "*" : rest) : rest[..colon];
                string eventName = colon < 0 ? "*" : rest[(colon + 1)..];
                foreach (var tp in ProbeMatcher.MatchTracepoints(_catalog, category, eventName))
                {
                    var details = verbose
                        ? _catalog.GetTracepoint(tp.Category, tp.Name)?.Fields.Select(f => Indent + f.Declaration).ToImmutableArray() ?? []
                        : [];
                    yield return new ProbeListing($"{name}:{tp}", details);
                }
                break;
            }
            case ProbeProviderKind.RawTracepoint:
            {
                string eventPattern = StripModule(rest, out _);
                foreach (var rt in ProbeMatcher.MatchRawTracepoints(_catalog, eventPattern))
                {
                    var details = verbose ? FormatParameters(_catalog.GetRawTracepointArguments(rt) ?? []) : [];
                    yield return new ProbeListing($"{name}:{rt}", details);
                }
                break;
            }
            case ProbeProviderKind.Kprobe:
            case ProbeProviderKind.Kretprobe:
            {
                string functionPattern = StripModule(rest, out _);
                if (_catalog.KernelFunctionSource != KernelFunctionSource.AvailableFilterFunctions)
                    break; // kprobes can only attach to what available_filter_functions lists.
                foreach (var function in ProbeMatcher.MatchKernelFunctions(_catalog, functionPattern))
                    yield return new ProbeListing($"{name}:{function}", []);
                break;
            }
            case ProbeProviderKind.Fentry:
            case ProbeProviderKind.Fexit:
            {
                string functionPattern = StripModule(rest, out var modulePattern);
                if (modulePattern is not null && !WildcardPattern.Parse(modulePattern).IsMatch("vmlinux"))
                    break;
                if (_catalog.KernelBtf is not { } btf)
                    break;
                var wildcard = WildcardPattern.Parse(functionPattern);
                foreach (var function in btf.EnumerateNames(BtfKind.Function).Select(f => f.Name).Distinct().Where(wildcard.IsMatch))
                {
                    ImmutableArray<string> details = [];
                    if (verbose && btf.FindFunction(function) is { } signature)
                    {
                        details = FormatParameters(signature.Parameters);
                        if (kind == ProbeProviderKind.Fexit)
                            details = details.Add($"{Indent}{btf.FormatType(signature.ReturnTypeId)} retval");
                    }
                    yield return new ProbeListing($"{name}:vmlinux:{function}", details);
                }
                break;
            }
            case ProbeProviderKind.Software:
            case ProbeProviderKind.Hardware:
            {
                string eventPattern = rest.Length == 0 ? "*" : rest.Split(':')[0];
                var events = kind == ProbeProviderKind.Software ? _catalog.SoftwareEvents : _catalog.HardwareEvents;
                var wildcard = WildcardPattern.Parse(eventPattern);
                foreach (var info in events)
                {
                    foreach (var eventName in info.Alias is null ? [info.Name] : new[] { info.Name, info.Alias })
                    {
                        if (wildcard.IsMatch(eventName))
                            yield return new ProbeListing($"{name}:{eventName}:", []);
                    }
                }
                break;
            }
            case ProbeProviderKind.Iter:
            {
                var wildcard = WildcardPattern.Parse(rest.Length == 0 ? "*" : rest);
                foreach (var iterator in _catalog.Iterators.Where(wildcard.IsMatch))
                    yield return new ProbeListing($"{name}:{iterator}", []);
                break;
            }
            case ProbeProviderKind.Uprobe:
            case ProbeProviderKind.Uretprobe:
            {
                if (!SplitBinary(rest, out string? path, out string functionPattern))
                    break;
                if (!_catalog.TryGetBinary(path!, out var binary, out _))
                    break;
                foreach (var symbol in ProbeMatcher.MatchFunctions(binary, functionPattern))
                {
                    // With verbose, a uprobe lists the function's parameters from DWARF as bpftrace 0.17 does ("    const char* s").
                    var details = verbose && kind == ProbeProviderKind.Uprobe && _catalog.TryGetUserFunction(path!, symbol.Name, out var function, out _)
                        ? function.Parameters.Select(p => $"    {p.TypeName} {p.Name}").ToImmutableArray()
                        : [];
                    yield return new ProbeListing($"{name}:{path}:{symbol.Name}", details);
                }
                break;
            }
            case ProbeProviderKind.Usdt:
            {
                if (!SplitBinary(rest, out string? path, out string probePattern))
                    break;
                if (!_catalog.TryGetBinary(path!, out var binary, out _))
                    break;
                int colon = probePattern.IndexOf(':');
                string providerPattern = colon < 0 ? "*" : probePattern[..colon];
                string namePattern = colon < 0 ? probePattern : probePattern[(colon + 1)..];
                foreach (var probe in ProbeMatcher.MatchUsdt(binary, providerPattern, namePattern))
                    yield return new ProbeListing($"{name}:{path}:{probe.Provider}:{probe.Name}", []);
                break;
            }
        }
    }

    /// <summary><c>struct NAME</c>, <c>union NAME</c>, <c>enum NAME</c> (wildcards allowed): type names, or with
    /// verbose their definitions from kernel BTF (bpftrace 0.17's <c>-lv 'struct task_struct'</c>).</summary>
    private ImmutableArray<ProbeListing>? TryListTypes(string pattern, bool verbose)
    {
        int space = pattern.IndexOf(' ');
        if (space < 0)
            return null;
        string keyword = pattern[..space];
        BtfKind[] kinds = keyword switch
        {
            "struct" => [BtfKind.Struct],
            "union" => [BtfKind.Union],
            "enum" => [BtfKind.Enum, BtfKind.Enum64],
            _ => [],
        };
        if (kinds.Length == 0)
            return null;
        if (_catalog.KernelBtf is not { } btf)
            return [];
        var name = WildcardPattern.Parse(pattern[(space + 1)..].Trim());
        var results = new List<ProbeListing>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var kind in kinds)
        {
            foreach (var (typeName, id) in btf.EnumerateNames(kind))
            {
                if (!name.IsMatch(typeName) || !seen.Add(typeName))
                    continue;
                var type = kind == BtfKind.Struct || kind == BtfKind.Union ? btf.FindStruct($"{keyword} {typeName}") ?? btf.GetType(id) : btf.GetType(id);
                if (!verbose)
                {
                    results.Add(new ProbeListing($"{keyword} {typeName}", []));
                    continue;
                }
                var lines = btf.FormatDefinition(type).ToList();
                results.Add(new ProbeListing(lines[0], [.. lines.Skip(1), ""]));
            }
        }
        return [.. results.OrderBy(r => r.Probe, StringComparer.Ordinal)];
    }

    private bool SplitBinary(string rest, out string? path, out string pattern)
    {
        int colon = rest.IndexOf(':');
        string binary = colon < 0 ? rest : rest[..colon];
        pattern = colon < 0 ? "*" : rest[(colon + 1)..];
        if (pattern.Length == 0)
            pattern = "*";
        path = binary.Length == 0 ? null : _catalog.ResolveBinary(binary);
        return path is not null;
    }

    private static string StripModule(string rest, out string? module)
    {
        int colon = rest.IndexOf(':');
        module = colon < 0 ? null : rest[..colon];
        string pattern = colon < 0 ? rest : rest[(colon + 1)..];
        return pattern.Length == 0 ? "*" : pattern;
    }

    private ImmutableArray<string> FormatParameters(ImmutableArray<BtfParameter> parameters)
    {
        if (_catalog.KernelBtf is not { } btf)
            return [];
        return [.. parameters.Select(p => $"{Indent}{btf.FormatType(p.TypeId)} {p.Name}")];
    }
}
