using BtLang.Semantics.ProbeCatalog.Elf;
using BtLang.Semantics.ProbeCatalog.PerfEvents;
using BtLang.Semantics.ProbeCatalog.Tracepoints;
using BtLang.Semantics.ProbeCatalog.Usdt;
using BtLang.Semantics.ProbeCatalog.Wildcards;

namespace BtLang.Semantics.ProbeCatalog.Listing;

/// <summary>Wildcard expansion of attach points over a catalog (used by the driver's attach step and by listing).</summary>
public static class ProbeMatcher
{
    /// <summary>Tracepoints whose category and event match the patterns (<c>syscalls</c>, <c>sys_enter_open*</c>).</summary>
    public static IEnumerable<TracepointName> MatchTracepoints(IProbeCatalog catalog, string categoryPattern, string eventPattern)
    {
        var category = WildcardPattern.Parse(categoryPattern);
        var name = WildcardPattern.Parse(eventPattern);
        if (category.IsLiteral && name.IsLiteral)
        {
            if (catalog.GetTracepoint(categoryPattern, eventPattern) is not null || catalog.Tracepoints.Contains(new TracepointName(categoryPattern, eventPattern)))
                yield return new TracepointName(categoryPattern, eventPattern);
            yield break;
        }
        foreach (var tp in catalog.Tracepoints)
        {
            if (category.IsMatch(tp.Category) && name.IsMatch(tp.Name))
                yield return tp;
        }
    }

    /// <summary>Kernel functions matching a pattern (kprobe/fentry expansion).</summary>
    public static IEnumerable<string> MatchKernelFunctions(IProbeCatalog catalog, string pattern)
        => WildcardPattern.Parse(pattern).Filter(catalog.KernelFunctions);

    /// <summary>Raw tracepoints matching a pattern.</summary>
    public static IEnumerable<string> MatchRawTracepoints(IProbeCatalog catalog, string pattern)
        => WildcardPattern.Parse(pattern).Filter(catalog.RawTracepoints);

    /// <summary>Function symbols of a binary matching a pattern, one per distinct name (ordinal order). A pattern
    /// also matches a C++ function by its demangled name without parameters (<c>ns::f</c>) when
    /// <paramref name="demangled"/> is true.</summary>
    public static IEnumerable<ElfFunctionSymbol> MatchFunctions(ElfBinary binary, string pattern, bool demangled = false)
    {
        var wildcard = WildcardPattern.Parse(pattern);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var symbol in binary.Functions.OrderBy(f => f.Name, StringComparer.Ordinal).ThenByDescending(f => f.IsGlobal))
        {
            bool match = wildcard.IsMatch(symbol.Name)
                || (demangled && Demangler.DemangleWithoutParameters(symbol.Name) is { } plain && wildcard.IsMatch(plain));
            if (match && seen.Add(symbol.Name))
                yield return symbol;
        }
    }

    /// <summary>USDT probes of a binary matching provider and name patterns (provider "*" when not given).</summary>
    public static IEnumerable<UsdtProbe> MatchUsdt(ElfBinary binary, string providerPattern, string namePattern)
    {
        var provider = WildcardPattern.Parse(providerPattern);
        var name = WildcardPattern.Parse(namePattern);
        return binary.UsdtProbes
            .Where(p => provider.IsMatch(p.Provider) && name.IsMatch(p.Name))
            .OrderBy(p => p.Provider, StringComparer.Ordinal)
            .ThenBy(p => p.Name, StringComparer.Ordinal);
    }

    /// <summary>Software or hardware events whose name or alias matches.</summary>
    public static IEnumerable<PerfEventInfo> MatchPerfEvents(IEnumerable<PerfEventInfo> events, string pattern)
    {
        var wildcard = WildcardPattern.Parse(pattern);
        return events.Where(e => wildcard.IsMatch(e.Name) || (e.Alias is not null && wildcard.IsMatch(e.Alias)));
    }
}
