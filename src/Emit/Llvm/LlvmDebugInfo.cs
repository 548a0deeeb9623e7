using BtLang.Emit.Llvm.Interop;

namespace BtLang.Emit.Llvm;

/// <summary>
/// Debug info for a module (LLVM's DIBuilder): the types, subprograms, parameters, global variables and locations
/// the BPF backend turns into BTF and BTF line info. Sizes and offsets are in bits, as in DWARF.
/// Created by <see cref="LlvmModule.EnableDebugInfo"/>; finalised by <see cref="LlvmModule.Complete"/>.
/// </summary>
internal sealed class LlvmDebugInfo : IDisposable
{
    private const int DwarfLanguageC = 1; // LLVMDWARFSourceLanguageC
    private const int EmissionFull = 1;
    private const uint TagConst = 0x26;
    private const uint TagVolatile = 0x35;

    private readonly LlvmModule _module;
    private readonly DIBuilderHandle _builder;
    private readonly uint _dbgKind;
    private bool _finalized;

    internal LlvmDebugInfo(LlvmModule module, string fileName, string directory, string producer)
    {
        _module = module;
        _builder = LlvmNative.LLVMCreateDIBuilder(module.Handle);
        _builder.SetOwner(module.Handle);
        _dbgKind = module.Context.MetadataKind("dbg");
        File = LlvmNative.LLVMDIBuilderCreateFile(_builder, fileName, Utf8.Length(fileName), directory, Utf8.Length(directory));
        CompileUnit = LlvmNative.LLVMDIBuilderCreateCompileUnit(
            _builder, DwarfLanguageC, File, producer, Utf8.Length(producer), isOptimized: 1, flags: "", flagsLength: 0,
            runtimeVersion: 0, splitName: "", splitNameLength: 0, EmissionFull, dwoId: 0, splitDebugInlining: 0,
            debugInfoForProfiling: 0, sysRoot: "", sysRootLength: 0, sdk: "", sdkLength: 0);
    }

    public LlvmMetadata File { get; }

    public LlvmMetadata CompileUnit { get; }

    // ---- Types ------------------------------------------------------------------------------------------------

    public LlvmMetadata BasicType(string name, ulong sizeInBits, DwarfEncoding encoding) =>
        LlvmNative.LLVMDIBuilderCreateBasicType(Builder, name, Utf8.Length(name), sizeInBits, (uint)encoding, 0);

    /// <summary>The C <c>int</c> type (32-bit signed), as clang names it.</summary>
    public LlvmMetadata Int => BasicType("int", 32, DwarfEncoding.Signed);

    /// <summary>An integer type named like C (<c>unsigned int</c>, <c>long</c>, <c>unsigned char</c>...).</summary>
    public LlvmMetadata Integer(int bits, bool signed) => (bits, signed) switch
    {
        (8, true) => BasicType("char", 8, DwarfEncoding.SignedChar),
        (8, false) => BasicType("unsigned char", 8, DwarfEncoding.UnsignedChar),
        (16, true) => BasicType("short", 16, DwarfEncoding.Signed),
        (16, false) => BasicType("unsigned short", 16, DwarfEncoding.Unsigned),
        (32, true) => BasicType("int", 32, DwarfEncoding.Signed),
        (32, false) => BasicType("unsigned int", 32, DwarfEncoding.Unsigned),
        (64, true) => BasicType("long", 64, DwarfEncoding.Signed),
        (64, false) => BasicType("unsigned long", 64, DwarfEncoding.Unsigned),
        _ => BasicType((signed ? "__s" : "__u") + bits, (ulong)bits, signed ? DwarfEncoding.Signed : DwarfEncoding.Unsigned),
    };

    public LlvmMetadata Bool => BasicType("_Bool", 8, DwarfEncoding.Boolean);

    /// <summary>A 64-bit pointer to <paramref name="pointee"/>; <see cref="LlvmMetadata.None"/> means <c>void *</c>.</summary>
    public LlvmMetadata PointerType(LlvmMetadata pointee, string? name = null) =>
        LlvmNative.LLVMDIBuilderCreatePointerType(Builder, pointee, 64, 0, 0, name, Utf8.Length(name));

    /// <summary>
    /// An array of <paramref name="element"/> (of <paramref name="elementSizeInBits"/> bits) with one subrange per
    /// dimension in <paramref name="counts"/> (C order: <c>T[2][3]</c> is counts 2, 3).
    /// </summary>
    public unsafe LlvmMetadata ArrayType(LlvmMetadata element, ulong elementSizeInBits, params ReadOnlySpan<long> counts)
    {
        var subscripts = new LlvmMetadata[counts.Length];
        ulong size = elementSizeInBits;
        for (int i = 0; i < counts.Length; i++)
        {
            subscripts[i] = LlvmNative.LLVMDIBuilderGetOrCreateSubrange(Builder, 0, counts[i]);
            size *= (ulong)counts[i];
        }

        fixed (LlvmMetadata* s = subscripts)
        {
            return LlvmNative.LLVMDIBuilderCreateArrayType(Builder, size, 0, element, s, (uint)subscripts.Length);
        }
    }

    /// <summary>A struct member at <paramref name="offsetInBits"/>.</summary>
    public LlvmMetadata Member(string name, LlvmMetadata type, ulong sizeInBits, ulong offsetInBits, uint alignInBits = 0, int line = 0) =>
        LlvmNative.LLVMDIBuilderCreateMemberType(Builder, File, name, Utf8.Length(name), File, (uint)line, sizeInBits, alignInBits, offsetInBits, 0, type);

    /// <summary>A struct type; a null or empty <paramref name="name"/> makes it anonymous.</summary>
    public unsafe LlvmMetadata StructType(string? name, ulong sizeInBits, ReadOnlySpan<LlvmMetadata> members, uint alignInBits = 0, int line = 0)
    {
        fixed (LlvmMetadata* m = members)
        {
            return LlvmNative.LLVMDIBuilderCreateStructType(Builder, File, name, Utf8.Length(name), File, (uint)line, sizeInBits, alignInBits, 0,
                LlvmMetadata.None, m, (uint)members.Length, 0, LlvmMetadata.None, null, 0);
        }
    }

    /// <summary>
    /// A named struct for CO-RE accesses (a kernel type such as <c>task_struct</c>): its name gets the module's
    /// <see cref="LlvmModule.CoreFlavor"/>, which libbpf ignores when matching the kernel's BTF. Members need only
    /// the fields the program reads, with their names; offsets are fixed up at load time.
    /// </summary>
    public LlvmMetadata RelocatableStructType(string name, ulong sizeInBits, ReadOnlySpan<LlvmMetadata> members, uint alignInBits = 0) =>
        StructType(name + _module.CoreFlavor, sizeInBits, members, alignInBits);

    /// <summary>A named union for CO-RE accesses; see <see cref="RelocatableStructType"/>.</summary>
    public LlvmMetadata RelocatableUnionType(string name, ulong sizeInBits, ReadOnlySpan<LlvmMetadata> members, uint alignInBits = 0) =>
        UnionType(name + _module.CoreFlavor, sizeInBits, members, alignInBits);

    public unsafe LlvmMetadata UnionType(string? name, ulong sizeInBits, ReadOnlySpan<LlvmMetadata> members, uint alignInBits = 0, int line = 0)
    {
        fixed (LlvmMetadata* m = members)
        {
            return LlvmNative.LLVMDIBuilderCreateUnionType(Builder, File, name, Utf8.Length(name), File, (uint)line, sizeInBits, alignInBits, 0,
                m, (uint)members.Length, 0, null, 0);
        }
    }

    public LlvmMetadata Typedef(LlvmMetadata type, string name, int line = 0) =>
        LlvmNative.LLVMDIBuilderCreateTypedef(Builder, type, name, Utf8.Length(name), File, (uint)line, CompileUnit, 0);

    public LlvmMetadata Const(LlvmMetadata type) => LlvmNative.LLVMDIBuilderCreateQualifiedType(Builder, TagConst, type);

    public LlvmMetadata Volatile(LlvmMetadata type) => LlvmNative.LLVMDIBuilderCreateQualifiedType(Builder, TagVolatile, type);

    public LlvmMetadata Enumerator(string name, long value, bool isUnsigned = false) =>
        LlvmNative.LLVMDIBuilderCreateEnumerator(Builder, name, Utf8.Length(name), value, isUnsigned ? 1 : 0);

    /// <summary>An enum of <paramref name="sizeInBits"/> bits over <paramref name="underlying"/> (may be None).</summary>
    public unsafe LlvmMetadata EnumType(string? name, ulong sizeInBits, ReadOnlySpan<LlvmMetadata> enumerators, LlvmMetadata underlying, int line = 0)
    {
        fixed (LlvmMetadata* e = enumerators)
        {
            return LlvmNative.LLVMDIBuilderCreateEnumerationType(Builder, File, name, Utf8.Length(name), File, (uint)line, sizeInBits, 0,
                e, (uint)enumerators.Length, underlying);
        }
    }

    /// <summary>A function type: <paramref name="types"/>[0] is the return type (None for void), then the parameters.</summary>
    public unsafe LlvmMetadata SubroutineType(params ReadOnlySpan<LlvmMetadata> types)
    {
        fixed (LlvmMetadata* t = types)
        {
            return LlvmNative.LLVMDIBuilderCreateSubroutineType(Builder, File, t, (uint)types.Length, 0);
        }
    }

    // ---- Functions, variables, locations ----------------------------------------------------------------------

    /// <summary>A subprogram (definition) attached to <paramref name="function"/>; BTF makes it a FUNC.</summary>
    public LlvmMetadata Function(LlvmValue function, string name, LlvmMetadata subroutineType, int line, bool isLocalToUnit = false)
    {
        const int FlagPrototyped = 1 << 8;
        const int FlagAllCallsDescribed = 1 << 29;
        LlvmMetadata subprogram = LlvmNative.LLVMDIBuilderCreateFunction(Builder, File, name, Utf8.Length(name), name, Utf8.Length(name),
            File, (uint)line, subroutineType, isLocalToUnit ? 1 : 0, 1, (uint)line, FlagPrototyped | FlagAllCallsDescribed, 1);
        LlvmNative.LLVMSetSubprogram(function, subprogram);
        return subprogram;
    }

    /// <summary>
    /// A subprogram declaration (not a definition) attached to the external function <paramref name="function"/>:
    /// BTF makes it an extern FUNC, which libbpf's static linker needs to resolve the call against the object that
    /// defines the function.
    /// </summary>
    public LlvmMetadata ExternFunction(LlvmValue function, string name, LlvmMetadata subroutineType)
    {
        const int FlagPrototyped = 1 << 8;
        LlvmMetadata subprogram = LlvmNative.LLVMDIBuilderCreateFunction(Builder, File, name, Utf8.Length(name), name, Utf8.Length(name),
            File, 0, subroutineType, 0, 0, 0, FlagPrototyped, 1);
        LlvmNative.LLVMSetSubprogram(function, subprogram);
        return subprogram;
    }

    /// <summary>
    /// A named parameter of a subprogram (<paramref name="argumentNumber"/> counts from 1), always preserved, so
    /// BTF gives the FUNC_PROTO parameter a name (an unnamed FUNC parameter makes the kernel reject all BTF).
    /// </summary>
    public LlvmMetadata Parameter(LlvmMetadata subprogram, string name, int argumentNumber, LlvmMetadata type, int line = 0) =>
        LlvmNative.LLVMDIBuilderCreateParameterVariable(Builder, subprogram, name, Utf8.Length(name), (uint)argumentNumber, File, (uint)line, type, 1, 0);

    /// <summary>Describes global <paramref name="global"/> with <paramref name="type"/> and attaches it (<c>!dbg</c>).</summary>
    public unsafe LlvmMetadata GlobalVariable(LlvmValue global, string name, LlvmMetadata type, int line = 0, bool isLocalToUnit = false, uint alignInBits = 0)
    {
        LlvmMetadata expression = LlvmNative.LLVMDIBuilderCreateExpression(Builder, null, 0);
        LlvmMetadata gve = LlvmNative.LLVMDIBuilderCreateGlobalVariableExpression(Builder, CompileUnit, name, Utf8.Length(name), name, Utf8.Length(name),
            File, (uint)line, type, isLocalToUnit ? 1 : 0, expression, LlvmMetadata.None, alignInBits);
        LlvmNative.LLVMGlobalSetMetadata(global, _dbgKind, gve);
        return gve;
    }

    /// <summary>A source location inside <paramref name="scope"/> (a subprogram), for <see cref="LlvmBuilder.SetLocation(LlvmMetadata)"/>.</summary>
    public LlvmMetadata Location(int line, int column, LlvmMetadata scope) =>
        LlvmNative.LLVMDIBuilderCreateDebugLocation(_module.Context.Handle, (uint)Math.Max(line, 0), (uint)Math.Max(column, 0), scope, LlvmMetadata.None);

    private DIBuilderHandle Builder
    {
        get
        {
            if (_finalized)
            {
                throw new InvalidOperationException("debug info was already finalised (the module is completed)");
            }

            return _builder;
        }
    }

    internal void FinalizeBuilder()
    {
        if (!_finalized)
        {
            LlvmNative.LLVMDIBuilderFinalize(_builder);
            _finalized = true;
        }
    }

    public void Dispose() => _builder.Dispose();
}
