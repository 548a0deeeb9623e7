using BtLang.Semantics.Builtins;
using BtLang.Semantics.ProbeCatalog;
using BtLang.Semantics.ProbeCatalog.Listing;
using BtLang.Semantics.ProbeCatalog.Providers;
using BtLang.Semantics.Probes;

namespace BtLang.Emit.CodeGen;

/// <summary>
/// The attach points a user-space attach point stands for, each with the full name the <c>probe</c> builtin prints,
/// as bpftrace expands them: the binary as a resolved path (<c>uprobe:libc:getpid</c> is
/// <c>uprobe:/lib/x86_64-linux-gnu/libc.so.6:getpid</c>), one point per function a uprobe wildcard matches, and one
/// per USDT probe a USDT wildcard or a USDT point without provider matches (<c>usdt:/bin/x:provider:name</c>).
/// </summary>
internal static class ProbeNameExpansion
{
    /// <summary>The expanded points of a uprobe/uretprobe/usdt point; any other point, or one that matches nothing (attaching reports it), as it is.
    /// With <paramref name="demangled"/> (the <c>cpp_demangle</c> config, default on) a uprobe wildcard also matches C++
    /// functions by their demangled name (<c>app::compute*</c>), and the point is named by the matched symbol, as bpftrace does.</summary>
    public static IReadOnlyList<AttachPoint> ExpandUserProbe(AttachPoint point, IProbeCatalog catalog, bool demangled = true)
    {
        if (point.Provider is not (ProbeProviderKind.Uprobe or ProbeProviderKind.Uretprobe or ProbeProviderKind.Usdt) ||
            string.IsNullOrEmpty(point.Target) || AttachPoint.ContainsWildcard(point.Target) ||
            catalog.ResolveBinary(point.Target) is not { } path)
        {
            return [point];
        }

        string provider = ProviderFacts.CanonicalName(point.Provider);
        if (point.Provider == ProbeProviderKind.Usdt)
        {
            if (!string.IsNullOrEmpty(point.Namespace) && !point.HasWildcard)
            {
                return [point with { Target = path }];
            }

            if (!catalog.TryGetBinary(path, out var binary, out _))
            {
                return [point];
            }

            var probes = ProbeMatcher.MatchUsdt(binary, string.IsNullOrEmpty(point.Namespace) ? "*" : point.Namespace, point.Function ?? "*")
                .Select(p => (p.Provider, p.Name)).Distinct().ToList();
            return probes.Count == 0
                ? [point]
                : probes.Select(p => point with
                {
                    Target = path,
                    Namespace = p.Provider,
                    Function = p.Name,
                    HasWildcard = false,
                    Text = $"{provider}:{path}:{p.Provider}:{p.Name}",
                }).ToList();
        }

        if (!point.HasWildcard || string.IsNullOrEmpty(point.Function))
        {
            return [point with { Target = path }];
        }

        if (!catalog.TryGetBinary(path, out var elf, out _))
        {
            return [point];
        }

        var functions = ProbeMatcher.MatchFunctions(elf, point.Function, demangled).Select(f => f.Name).ToList();
        return functions.Count == 0
            ? [point]
            : functions.Select(name => point with { Target = path, Function = name, HasWildcard = false, Text = $"{provider}:{path}:{name}" }).ToList();
    }
}
