using BtLang.Semantics.ProbeCatalog.Providers;
using ProbeProvider = BtLang.Semantics.ProbeCatalog.Providers.ProbeProvider;

namespace BtLang.LanguageServer.Handlers;

/// <summary>Which probe-specific builtins a probe may use: each of its attach points' providers must allow it.</summary>
internal static class BuiltinAvailability
{
    public static bool IsAllowed(string name, IReadOnlyList<ProbeProvider> providers)
    {
        var needed = name switch
        {
            "retval" => ProbeBuiltins.Retval,
            "func" => ProbeBuiltins.Func,
            "args" => ProbeBuiltins.Args,
            _ when name.StartsWith("sarg", StringComparison.Ordinal) || IsArgN(name) => ProbeBuiltins.ArgN,
            _ => ProbeBuiltins.None,
        };
        if (needed == ProbeBuiltins.None)
            return true;
        if (providers.Count == 0)
            return false;
        return providers.All(p => needed == ProbeBuiltins.Args ? p.Allows(ProbeBuiltins.Args) || p.Allows(ProbeBuiltins.ArgsFromDebugInfo) : p.Allows(needed));
    }

    private static bool IsArgN(string name)
        => name.Length > 3 && name.StartsWith("arg", StringComparison.Ordinal) && name.AsSpan(3).IndexOfAnyExceptInRange('0', '9') < 0;
}
