using System.Runtime.InteropServices;
using BtLang.Emit.Llvm.Interop;

namespace BtLang.Emit.Llvm;

/// <summary>
/// A borrowed reference to an LLVM value (instruction, constant, global, function, argument) owned by its module
/// or context. Valid while its <see cref="LlvmContext"/> lives.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly record struct LlvmValue(nint Handle)
{
    public bool IsNull => Handle == nint.Zero;

    /// <summary>The value's type (for a global or function this is <c>ptr</c>; see <see cref="GlobalValueType"/>).</summary>
    public LlvmType Type => LlvmNative.LLVMTypeOf(this);

    /// <summary>The type a global or function was declared with.</summary>
    public LlvmType GlobalValueType => LlvmNative.LLVMGlobalGetValueType(this);

    public string Name
    {
        get
        {
            nint text = LlvmNative.LLVMGetValueName2(this, out nuint length);
            return text == nint.Zero ? string.Empty : Marshal.PtrToStringUTF8(text, checked((int)length));
        }
    }

    public bool IsConstant => LlvmNative.LLVMIsConstant(this) != 0;

    /// <summary>The zero-extended value of a constant integer, or null when this is not one.</summary>
    public ulong? ConstantIntValue =>
        LlvmNative.LLVMIsAConstantInt(this).IsNull ? null : LlvmNative.LLVMConstIntGetZExtValue(this);

    public LlvmValue SetName(string name)
    {
        LlvmNative.LLVMSetValueName2(this, name, Utf8.Length(name));
        return this;
    }

    /// <summary>Alignment in bytes of a global, alloca, load or store.</summary>
    public LlvmValue SetAlignment(uint bytes)
    {
        LlvmNative.LLVMSetAlignment(this, bytes);
        return this;
    }

    /// <summary>Marks a load or store volatile.</summary>
    public LlvmValue SetVolatile(bool isVolatile = true)
    {
        LlvmNative.LLVMSetVolatile(this, isVolatile ? 1 : 0);
        return this;
    }

    public LlvmValue SetSection(string section)
    {
        LlvmNative.LLVMSetSection(this, section);
        return this;
    }

    public LlvmValue SetLinkage(LlvmLinkage linkage)
    {
        LlvmNative.LLVMSetLinkage(this, (int)linkage);
        return this;
    }

    public LlvmValue SetInitializer(LlvmValue value)
    {
        LlvmNative.LLVMSetInitializer(this, value);
        return this;
    }

    public LlvmValue SetGlobalConstant(bool isConstant = true)
    {
        LlvmNative.LLVMSetGlobalConstant(this, isConstant ? 1 : 0);
        return this;
    }

    /// <summary>
    /// Marks a global as set from outside before the program runs (the loader writes .rodata/.data), so the
    /// optimiser never folds its initializer into loads.
    /// </summary>
    public LlvmValue SetExternallyInitialized(bool value = true)
    {
        LlvmNative.LLVMSetExternallyInitialized(this, value ? 1 : 0);
        return this;
    }

    /// <summary>Sets the no-unsigned-wrap flag of an add/sub/mul/shl.</summary>
    public LlvmValue SetNoUnsignedWrap(bool value = true)
    {
        LlvmNative.LLVMSetNUW(this, value ? 1 : 0);
        return this;
    }

    /// <summary>Sets the no-signed-wrap flag of an add/sub/mul/shl.</summary>
    public LlvmValue SetNoSignedWrap(bool value = true)
    {
        LlvmNative.LLVMSetNSW(this, value ? 1 : 0);
        return this;
    }

    /// <summary>Parameter <paramref name="index"/> of a function.</summary>
    public LlvmValue GetParam(int index) => LlvmNative.LLVMGetParam(this, checked((uint)index));

    public int ParamCount => (int)LlvmNative.LLVMCountParams(this);

    /// <summary>The entry block of a function.</summary>
    public LlvmBlock EntryBlock => LlvmNative.LLVMGetEntryBasicBlock(this);

    /// <summary>Adds incoming (value, block) pairs to a phi.</summary>
    public unsafe void AddIncoming(ReadOnlySpan<LlvmValue> values, ReadOnlySpan<LlvmBlock> blocks)
    {
        if (values.Length != blocks.Length)
        {
            throw new ArgumentException("a phi needs one block per incoming value");
        }

        fixed (LlvmValue* v = values)
        fixed (LlvmBlock* b = blocks)
        {
            LlvmNative.LLVMAddIncoming(this, v, b, (uint)values.Length);
        }
    }

    public void AddIncoming(LlvmValue value, LlvmBlock block) => AddIncoming([value], [block]);

    /// <summary>Adds a case to a switch.</summary>
    public void AddCase(LlvmValue onValue, LlvmBlock destination) => LlvmNative.LLVMAddCase(this, onValue, destination);

    /// <summary>Attaches a debug location to an instruction.</summary>
    public void SetDebugLocation(LlvmMetadata location) => LlvmNative.LLVMInstructionSetDebugLoc(this, location);

    /// <summary>The value printed as LLVM IR text.</summary>
    public string Print() => Utf8.TakeMessage(LlvmNative.LLVMPrintValueToString(this)) ?? string.Empty;

    public override string ToString() => IsNull ? "<null>" : Print();
}
