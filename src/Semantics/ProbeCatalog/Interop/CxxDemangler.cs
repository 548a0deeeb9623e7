using System.Text;

namespace BtLang.Semantics.ProbeCatalog.Interop;

/// <summary>Managed wrapper of libstdc++'s <c>__cxa_demangle</c>; reports itself unavailable if libstdc++ cannot be loaded.</summary>
internal static class CxxDemangler
{
    private static bool _unavailable;

    public static bool IsAvailable
    {
        get
        {
            if (_unavailable)
                return false;
            Demangle("_Z1fv");
            return !_unavailable;
        }
    }

    /// <summary>The demangled name, or null if the name is not a mangled C++ name or no demangler is available.</summary>
    public static unsafe string? Demangle(string mangled)
    {
        if (_unavailable || !mangled.StartsWith("_Z", StringComparison.Ordinal))
            return null;
        byte[] bytes = Encoding.UTF8.GetBytes(mangled + "\0");
        try
        {
            fixed (byte* p = bytes)
            {
                using var result = LibStdCxx.CxaDemangle(p, 0, 0, out int status);
                return status == 0 ? result.ReadString() : null;
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            _unavailable = true;
            return null;
        }
    }
}
