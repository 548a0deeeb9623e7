using System.Runtime.InteropServices;
using BtLang.Emit.Llvm.Interop;

namespace BtLang.Emit.Llvm;

/// <summary>A borrowed reference to an LLVM type, owned by its <see cref="LlvmContext"/>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly record struct LlvmType(nint Handle)
{
    public bool IsNull => Handle == nint.Zero;

    public LlvmTypeKind Kind => (LlvmTypeKind)LlvmNative.LLVMGetTypeKind(this);

    /// <summary>Bit width of an integer type.</summary>
    public int IntWidth => (int)LlvmNative.LLVMGetIntTypeWidth(this);

    /// <summary>Element count of an array type.</summary>
    public ulong ArrayLength => LlvmNative.LLVMGetArrayLength2(this);

    /// <summary>Element type of an array type.</summary>
    public LlvmType ElementType => LlvmNative.LLVMGetElementType(this);

    public int StructElementCount => (int)LlvmNative.LLVMCountStructElementTypes(this);

    public LlvmType StructElementType(int index) => LlvmNative.LLVMStructGetTypeAtIndex(this, checked((uint)index));

    /// <summary>Return type of a function type.</summary>
    public LlvmType ReturnType => LlvmNative.LLVMGetReturnType(this);

    public string Print() => Utf8.TakeMessage(LlvmNative.LLVMPrintTypeToString(this)) ?? string.Empty;

    public override string ToString() => IsNull ? "<null>" : Print();
}
