using BtLang.Semantics.ProbeCatalog.Interop;

namespace BtLang.Semantics.ProbeCatalog.Elf;

/// <summary>C++ symbol demangling (Itanium ABI, through libstdc++'s <c>__cxa_demangle</c> when it is present).</summary>
public static class Demangler
{
    /// <summary>True if a demangler could be loaded (libstdc++.so.6). Without it, names stay mangled.</summary>
    public static bool IsAvailable => CxxDemangler.IsAvailable;

    /// <summary>The demangled name (<c>ns::f(int)</c>), or null if the name is not mangled or cannot be demangled.</summary>
    public static string? Demangle(string name) => CxxDemangler.Demangle(name);

    /// <summary>The demangled name without its parameter list (<c>ns::f</c>), as bpftrace matches <c>uprobe:bin:cpp:ns::f</c>.</summary>
    public static string? DemangleWithoutParameters(string name)
    {
        string? full = Demangle(name);
        if (full is null)
            return null;
        int depth = 0;
        for (int i = full.Length - 1; i >= 0; i--)
        {
            if (full[i] == ')')
                depth++;
            else if (full[i] == '(' && --depth == 0)
                return full[..i];
        }
        return full;
    }
}
