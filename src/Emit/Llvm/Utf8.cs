using System.Runtime.InteropServices;
using System.Text;
using BtLang.Emit.Llvm.Interop;

namespace BtLang.Emit.Llvm;

/// <summary>String helpers for the LLVM-C calls.</summary>
internal static class Utf8
{
    /// <summary>UTF-8 byte count, for the (text, length) parameter pairs of LLVM-C.</summary>
    public static nuint Length(string? text) => text is null ? 0 : (nuint)Encoding.UTF8.GetByteCount(text);

    /// <summary>Copies and frees a message LLVM allocated (LLVMDisposeMessage).</summary>
    public static string? TakeMessage(nint message)
    {
        if (message == nint.Zero)
        {
            return null;
        }

        try
        {
            return Marshal.PtrToStringUTF8(message);
        }
        finally
        {
            LlvmNative.LLVMDisposeMessage(message);
        }
    }

    /// <summary>Copies and frees an LLVMErrorRef's message; null for success.</summary>
    public static string? TakeError(nint error)
    {
        if (error == nint.Zero)
        {
            return null;
        }

        nint message = LlvmNative.LLVMGetErrorMessage(error);
        try
        {
            return Marshal.PtrToStringUTF8(message);
        }
        finally
        {
            LlvmNative.LLVMDisposeErrorMessage(message);
        }
    }
}
