using System.Reflection;
using System.Runtime.InteropServices;
using BtLang.Emit.Llvm.Interop;

namespace BtLang.Emit.Llvm;

/// <summary>
/// Finds Debian's libLLVM 19. The package libllvm19 installs only the versioned file <c>libLLVM.so.19.1</c> (the
/// unversioned <c>libLLVM-19.so</c> comes with llvm-19-dev), so the P/Invoke library name "LLVM" is resolved here.
/// First choice is <c>libbtlang-llvm.so</c> next to the executable: the same LLVM release trimmed to the BPF target
/// and the C API (scripts/build-llvm-bpf.sh, built by bench/publish-aot.sh), which loads in a fifth of the time.
/// </summary>
internal static class LlvmLibrary
{
    /// <summary>The one line shown when the library is missing.</summary>
    public const string MissingMessage =
        "libLLVM.so.19.1 was not found: install the Debian package libllvm19 (apt-get install libllvm19)";

    private static readonly string[] Candidates =
    [
        Path.Combine(AppContext.BaseDirectory, "libbtlang-llvm.so"),
        "libLLVM.so.19.1",
        "/usr/lib/x86_64-linux-gnu/libLLVM.so.19.1",
        "/usr/lib/aarch64-linux-gnu/libLLVM.so.19.1",
        "/usr/lib/llvm-19/lib/libLLVM.so.19.1",
        "libLLVM-19.so",
    ];

    private static readonly object Gate = new();
    private static bool s_registered;
    private static nint s_handle;
    private static bool s_searched;

    /// <summary>Installs the resolver for this assembly (once; called from the interop class's static constructor).</summary>
    internal static void RegisterResolver()
    {
        lock (Gate)
        {
            if (s_registered)
            {
                return;
            }

            s_registered = true;
            NativeLibrary.SetDllImportResolver(typeof(LlvmNative).Assembly, Resolve);
        }
    }

    /// <summary>Loads the library if needed; returns false with <see cref="MissingMessage"/> when it is absent.</summary>
    public static bool TryLoad(out string? error)
    {
        RegisterResolver();
        error = Load() == nint.Zero ? MissingMessage : null;
        return error is null;
    }

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (libraryName != LlvmNative.Library)
        {
            return nint.Zero;
        }

        nint handle = Load();
        if (handle == nint.Zero)
        {
            throw new DllNotFoundException(MissingMessage);
        }

        return handle;
    }

    private static nint Load()
    {
        lock (Gate)
        {
            if (s_searched)
            {
                return s_handle;
            }

            s_searched = true;
            foreach (string candidate in Candidates)
            {
                if (NativeLibrary.TryLoad(candidate, out nint handle))
                {
                    s_handle = handle;
                    break;
                }
            }

            return s_handle;
        }
    }
}
