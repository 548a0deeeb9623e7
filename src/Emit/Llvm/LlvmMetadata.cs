using System.Runtime.InteropServices;

namespace BtLang.Emit.Llvm;

/// <summary>A borrowed reference to LLVM metadata (a debug info node, location, string), owned by its context.</summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly record struct LlvmMetadata(nint Handle)
{
    public static LlvmMetadata None => default;

    public bool IsNull => Handle == nint.Zero;
}
