using BtLang.Diagnostics;

namespace BtLang.Driver.LibBpf;

/// <summary>Whether <c>libbpf.so.1</c> can be loaded; call before anything else so a missing package is one clear line.</summary>
public static class LibBpfAvailability
{
    /// <summary>Null when libbpf loads, else BT3164 naming the package to install.</summary>
    public static Diagnostic? Check()
    {
        try
        {
            _ = LibBpfNative.libbpf_major_version();
            return null;
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            return Diagnostic.Create(LibBpfDiagnostics.LibBpfMissing, Location.None, exception.Message)
                .WithHint("install it: apt-get install libbpf1");
        }
    }

    /// <summary>The loaded libbpf's version, e.g. <c>1.1</c>.</summary>
    public static string Version => BpfFeatureProbes.LibBpfVersion;
}
