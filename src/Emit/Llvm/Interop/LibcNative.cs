using System.Runtime.InteropServices;

namespace BtLang.Emit.Llvm.Interop;

/// <summary>The one libc call the emitter needs: <c>_exit</c>, to end the process from LLVM's fatal error handler.</summary>
internal static partial class LibcNative
{
    [LibraryImport("libc.so.6", EntryPoint = "_exit")]
    internal static partial void Exit(int status);
}
