using System.Runtime.InteropServices;
using BtLang.Emit.Llvm.Interop;

namespace BtLang.Emit.Llvm;

/// <summary>A borrowed reference to an LLVM basic block, owned by its function.</summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly record struct LlvmBlock(nint Handle)
{
    public bool IsNull => Handle == nint.Zero;

    /// <summary>The function that holds the block.</summary>
    public LlvmValue Function => LlvmNative.LLVMGetBasicBlockParent(this);

    /// <summary>True when the block already ends with a terminator (br, ret, switch, unreachable).</summary>
    public bool HasTerminator => !LlvmNative.LLVMGetBasicBlockTerminator(this).IsNull;

    /// <summary>Moves this block to just after <paramref name="block"/>.</summary>
    public void MoveAfter(LlvmBlock block) => LlvmNative.LLVMMoveBasicBlockAfter(this, block);
}
