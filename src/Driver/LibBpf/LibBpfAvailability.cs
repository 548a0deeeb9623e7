using System.Runtime.InteropServices;
using BtLang.Diagnostics;

namespace BtLang.Driver.LibBpf;

/// <summary>Whether <c>libbpf.so.1</c> can be loaded; call before anything else so a missing package is one clear line.</summary>
public static class LibBpfAvailability
{
    /// <summary>The file name the driver loads (Debian package libbpf1).</summary>
    public const string LibraryName = "libbpf.so.1";

    /// <summary>Null when libbpf loads, else BT3164 naming the package to install.</summary>
    public static Diagnostic? Check()
    {
        // dlopen first: it names the one reason (missing, too short, wrong ELF class) in one line, where the runtime's
        // DllNotFoundException lists every directory it probed. The library stays loaded for the P/Invokes.
        // The first call of each P/Invoke binds it through dlsym, which resets dlerror's state: bind (and clear) it first.
        _ = LibcNative.dlerror();
        if (LibcNative.dlopen(LibraryName, LibcNative.RtldNow) == nint.Zero)
        {
            return Missing(Marshal.PtrToStringUTF8(LibcNative.dlerror()) ?? "not found");
        }

        try
        {
            _ = LibBpfNative.libbpf_major_version();
            return null;
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            return Missing(exception is EntryPointNotFoundException ? "it is too old (libbpf 1.0 or later is needed)" : "not found");
        }
    }

    /// <summary>The loaded libbpf's version, e.g. <c>1.1</c>.</summary>
    public static string Version => BpfFeatureProbes.LibBpfVersion;

    private static Diagnostic Missing(string reason)
    {
        // The reason is one line; keep it so (dlerror never has newlines, but be sure).
        string line = reason.ReplaceLineEndings(" ").Trim();
        return Diagnostic.Create(LibBpfDiagnostics.LibBpfMissing, Location.None, line);
    }
}
