using BtLang.Semantics.ProbeCatalog.Providers;

namespace BtLang.Semantics.Builtins;

/// <summary>
/// Questions the binder and code generator ask about a provider, answered from the one provider table
/// (<see cref="ProbeProviders"/>): which builtins a probe body may use, canonical names, program-type groups.
/// </summary>
public static class ProviderFacts
{
    /// <summary>The provider for a spelling (<c>t</c>, <c>kfunc</c>, <c>BEGIN</c>, <c>Tracepoint</c>), or null.</summary>
    public static ProbeProviderKind? Parse(string name) => ProbeProviders.TryGet(name, out var provider) ? provider.Kind : null;

    /// <summary>The name <c>probe</c> and <c>-l</c> print: <c>tracepoint</c>, <c>BEGIN</c>, <c>rawtracepoint</c>.</summary>
    public static string CanonicalName(ProbeProviderKind kind) => ProbeProviders.Get(kind).Name;

    /// <summary><c>retval</c> is available.</summary>
    public static bool HasReturnValue(ProbeProviderKind kind) => ProbeProviders.Get(kind).Allows(ProbeBuiltins.Retval);

    /// <summary><c>arg0..argN</c> are available.</summary>
    public static bool HasRegisterArguments(ProbeProviderKind kind) => ProbeProviders.Get(kind).Allows(ProbeBuiltins.ArgN);

    /// <summary><c>args</c> is available (uprobes only with debug info).</summary>
    public static bool HasArgs(ProbeProviderKind kind) =>
        ProbeProviders.Get(kind).Allows(ProbeBuiltins.Args) || ProbeProviders.Get(kind).Allows(ProbeBuiltins.ArgsFromDebugInfo);

    /// <summary><c>func</c> is available.</summary>
    public static bool HasFunc(ProbeProviderKind kind) => ProbeProviders.Get(kind).Allows(ProbeBuiltins.Func);

    /// <summary>The program runs in the traced task's user context (user reads, ustack, usym).</summary>
    public static bool IsUserProbe(ProbeProviderKind kind) => kind is ProbeProviderKind.Uprobe or ProbeProviderKind.Uretprobe or ProbeProviderKind.Usdt;

    /// <summary>Names of the providers that allow a builtin, for messages: "kretprobe, uretprobe and fexit".</summary>
    public static string ProvidersAllowing(ProbeBuiltins builtin)
    {
        var names = ProbeProviders.All.Where(p => p.Allows(builtin)).Select(p => p.Name).ToList();
        return names.Count <= 1 ? string.Join(string.Empty, names) : string.Join(", ", names[..^1]) + " and " + names[^1];
    }
}
