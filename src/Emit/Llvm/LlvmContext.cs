using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using BtLang.Emit.Llvm.Interop;

namespace BtLang.Emit.Llvm;

/// <summary>
/// An LLVM context: owns types, constants, metadata and the modules made in it; collects what LLVM reports through
/// its diagnostic handler (so a backend error such as "BPF stack limit is exceeded" becomes an
/// <see cref="LlvmDiagnostic"/> instead of exit(1)). Not thread-safe: one per compilation.
/// </summary>
internal sealed class LlvmContext : IDisposable
{
    private readonly List<LlvmDiagnostic> _diagnostics = [];
    private readonly HashSet<LlvmDiagnostic> _seen = [];
    private bool _disposed;

    public LlvmContext()
    {
        BpfTarget.EnsureInitialized();
        Handle = LlvmNative.LLVMContextCreate();
        GCHandle self = GCHandle.Alloc(this, GCHandleType.Normal);
        Handle.DiagnosticTarget = self;
        unsafe
        {
            LlvmNative.LLVMContextSetDiagnosticHandler(Handle, &OnDiagnostic, GCHandle.ToIntPtr(self));
        }

        Void = LlvmNative.LLVMVoidTypeInContext(Handle);
        I1 = Int(1);
        I8 = Int(8);
        I16 = Int(16);
        I32 = Int(32);
        I64 = Int(64);
        Ptr = LlvmNative.LLVMPointerTypeInContext(Handle, 0);
    }

    internal ContextHandle Handle { get; }

    public LlvmType Void { get; }
    public LlvmType I1 { get; }
    public LlvmType I8 { get; }
    public LlvmType I16 { get; }
    public LlvmType I32 { get; }
    public LlvmType I64 { get; }

    /// <summary>The opaque pointer type <c>ptr</c> (address space 0).</summary>
    public LlvmType Ptr { get; }

    /// <summary>Everything LLVM reported so far, in order.</summary>
    public IReadOnlyList<LlvmDiagnostic> Diagnostics => _diagnostics;

    public int ErrorCount => _diagnostics.Count(d => d.IsError);

    // ---- Modules and types ------------------------------------------------------------------------------------

    /// <summary>A new BPF module (triple and data layout set).</summary>
    public LlvmModule CreateModule(string name) => new(this, name);

    public LlvmType Int(int bits) => LlvmNative.LLVMIntTypeInContext(Handle, checked((uint)bits));

    public LlvmType Array(LlvmType element, ulong count) => LlvmNative.LLVMArrayType2(element, count);

    /// <summary>A literal (unnamed) struct type.</summary>
    public unsafe LlvmType Struct(ReadOnlySpan<LlvmType> fields, bool packed = false)
    {
        fixed (LlvmType* f = fields)
        {
            return LlvmNative.LLVMStructTypeInContext(Handle, f, (uint)fields.Length, packed ? 1 : 0);
        }
    }

    /// <summary>A named struct type; give it a body with <see cref="SetStructBody"/> (or pass fields here).</summary>
    public LlvmType NamedStruct(string name, ReadOnlySpan<LlvmType> fields = default, bool packed = false)
    {
        LlvmType type = LlvmNative.LLVMStructCreateNamed(Handle, name);
        if (!fields.IsEmpty)
        {
            SetStructBody(type, fields, packed);
        }

        return type;
    }

    public unsafe void SetStructBody(LlvmType structType, ReadOnlySpan<LlvmType> fields, bool packed = false)
    {
        fixed (LlvmType* f = fields)
        {
            LlvmNative.LLVMStructSetBody(structType, f, (uint)fields.Length, packed ? 1 : 0);
        }
    }

    public unsafe LlvmType Function(LlvmType returnType, ReadOnlySpan<LlvmType> parameters, bool isVarArg = false)
    {
        fixed (LlvmType* p = parameters)
        {
            return LlvmNative.LLVMFunctionType(returnType, p, (uint)parameters.Length, isVarArg ? 1 : 0);
        }
    }

    // ---- Constants --------------------------------------------------------------------------------------------

    public LlvmValue ConstInt(LlvmType type, ulong value, bool signExtend = false) =>
        LlvmNative.LLVMConstInt(type, value, signExtend ? 1 : 0);

    /// <summary>A signed constant of an integer type (sign-extended to the type's width).</summary>
    public LlvmValue ConstInt(LlvmType type, long value) => LlvmNative.LLVMConstInt(type, unchecked((ulong)value), 1);

    public LlvmValue ConstI64(long value) => ConstInt(I64, value);
    public LlvmValue ConstI32(int value) => ConstInt(I32, value);
    public LlvmValue ConstI16(short value) => ConstInt(I16, value);
    public LlvmValue ConstI8(sbyte value) => ConstInt(I8, value);
    public LlvmValue ConstBool(bool value) => ConstInt(I1, value ? 1UL : 0UL);

    /// <summary>The null/zero value of any type (zeroinitializer for aggregates, null for ptr).</summary>
    public LlvmValue Zero(LlvmType type) => LlvmNative.LLVMConstNull(type);

    public LlvmValue Null => LlvmNative.LLVMConstNull(Ptr);

    public LlvmValue AllOnes(LlvmType type) => LlvmNative.LLVMConstAllOnes(type);

    public LlvmValue Undef(LlvmType type) => LlvmNative.LLVMGetUndef(type);

    public LlvmValue Poison(LlvmType type) => LlvmNative.LLVMGetPoison(type);

    /// <summary>An <c>[N x i8]</c> constant holding the bytes (nothing appended).</summary>
    public unsafe LlvmValue ConstBytes(ReadOnlySpan<byte> bytes)
    {
        fixed (byte* b = bytes)
        {
            return LlvmNative.LLVMConstStringInContext2(Handle, b, (nuint)bytes.Length, 1);
        }
    }

    /// <summary>An <c>[N x i8]</c> constant holding the UTF-8 text, NUL-terminated unless told otherwise.</summary>
    public LlvmValue ConstString(string text, bool nullTerminate = true)
    {
        byte[] bytes = System.Text.Encoding.UTF8.GetBytes(text);
        if (nullTerminate)
        {
            System.Array.Resize(ref bytes, bytes.Length + 1);
        }

        return ConstBytes(bytes);
    }

    public unsafe LlvmValue ConstArray(LlvmType elementType, ReadOnlySpan<LlvmValue> values)
    {
        fixed (LlvmValue* v = values)
        {
            return LlvmNative.LLVMConstArray2(elementType, v, (ulong)values.Length);
        }
    }

    /// <summary>A constant of a literal struct type made from the values' types.</summary>
    public unsafe LlvmValue ConstStruct(ReadOnlySpan<LlvmValue> values, bool packed = false)
    {
        fixed (LlvmValue* v = values)
        {
            return LlvmNative.LLVMConstStructInContext(Handle, v, (uint)values.Length, packed ? 1 : 0);
        }
    }

    public unsafe LlvmValue ConstNamedStruct(LlvmType structType, ReadOnlySpan<LlvmValue> values)
    {
        fixed (LlvmValue* v = values)
        {
            return LlvmNative.LLVMConstNamedStruct(structType, v, (uint)values.Length);
        }
    }

    /// <summary><c>inttoptr (i64 address to ptr)</c> as a constant: the callee of a BPF helper call.</summary>
    public LlvmValue ConstIntToPtr(ulong address) => LlvmNative.LLVMConstIntToPtr(ConstInt(I64, address), Ptr);

    // ---- Metadata and attributes ------------------------------------------------------------------------------

    public uint MetadataKind(string name) => LlvmNative.LLVMGetMDKindIDInContext(Handle, name, (uint)Utf8.Length(name));

    public LlvmMetadata MetadataString(string text) => LlvmNative.LLVMMDStringInContext2(Handle, text, Utf8.Length(text));

    public unsafe LlvmMetadata MetadataNode(ReadOnlySpan<LlvmMetadata> operands)
    {
        fixed (LlvmMetadata* o = operands)
        {
            return LlvmNative.LLVMMDNodeInContext2(Handle, o, (nuint)operands.Length);
        }
    }

    public LlvmMetadata AsMetadata(LlvmValue value) => LlvmNative.LLVMValueAsMetadata(value);

    public LlvmValue MetadataAsValue(LlvmMetadata metadata) => LlvmNative.LLVMMetadataAsValue(Handle, metadata);

    /// <summary>An enum attribute such as <c>nounwind</c> or <c>align 8</c>.</summary>
    internal nint EnumAttribute(string name, ulong value = 0)
    {
        uint kind = LlvmNative.LLVMGetEnumAttributeKindForName(name, Utf8.Length(name));
        if (kind == 0)
        {
            throw new ArgumentException($"unknown LLVM attribute '{name}'", nameof(name));
        }

        return LlvmNative.LLVMCreateEnumAttribute(Handle, kind, value);
    }

    internal nint TypeAttribute(string name, LlvmType type)
    {
        uint kind = LlvmNative.LLVMGetEnumAttributeKindForName(name, Utf8.Length(name));
        if (kind == 0)
        {
            throw new ArgumentException($"unknown LLVM attribute '{name}'", nameof(name));
        }

        return LlvmNative.LLVMCreateTypeAttribute(Handle, kind, type);
    }

    internal nint StringAttribute(string key, string value) =>
        LlvmNative.LLVMCreateStringAttribute(Handle, key, (uint)Utf8.Length(key), value, (uint)Utf8.Length(value));

    // ---- Diagnostics ------------------------------------------------------------------------------------------

    /// <summary>Diagnostics reported since index <paramref name="start"/> (see <see cref="Diagnostics"/>.Count).</summary>
    public ImmutableArray<LlvmDiagnostic> DiagnosticsSince(int start) => [.. _diagnostics.Skip(start)];

    /// <summary>Records a diagnostic; an exact repeat is dropped (the BPF backend reports a stack overflow once per slot access).</summary>
    internal void Report(LlvmDiagnostic diagnostic)
    {
        if (_seen.Add(diagnostic))
        {
            _diagnostics.Add(diagnostic);
        }
    }

    [UnmanagedCallersOnly]
    private static void OnDiagnostic(nint diagnosticInfo, nint context)
    {
        try
        {
            if (context == nint.Zero || GCHandle.FromIntPtr(context).Target is not LlvmContext owner)
            {
                return;
            }

            var severity = (LlvmDiagnosticSeverity)LlvmNative.LLVMGetDiagInfoSeverity(diagnosticInfo);
            string message = Utf8.TakeMessage(LlvmNative.LLVMGetDiagInfoDescription(diagnosticInfo)) ?? string.Empty;
            owner.Report(new LlvmDiagnostic(severity, message));
        }
        catch
        {
            // An exception must never unwind into native code.
        }
    }

    /// <summary>
    /// Releases the context. Modules, builders and debug info builders made from it keep it (and its diagnostic
    /// handler) alive until they are disposed too.
    /// </summary>
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            Handle.Dispose();
        }
    }
}
