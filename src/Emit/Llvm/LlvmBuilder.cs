using BtLang.Emit.Llvm.Interop;

namespace BtLang.Emit.Llvm;

/// <summary>
/// The IR builder the code generator writes instructions with. Names are optional (empty lets LLVM number the
/// value). Stack slots made by <see cref="Alloca"/> always go to the function's entry block with alignment 8.
/// While a location is set (<see cref="SetLocation(LlvmMetadata)"/>), every instruction carries it, which BPF
/// turns into BTF line info (the verifier log then quotes the script line).
/// </summary>
internal sealed class LlvmBuilder : IDisposable
{
    /// <summary>Alignment of every stack slot (allocas default to 1, which makes BPF copy byte by byte).</summary>
    public const uint StackAlignment = 8;

    private readonly BuilderHandle _handle;
    private readonly BuilderHandle _allocaHandle;
    private int _passthroughSequence;

    internal LlvmBuilder(LlvmModule module)
    {
        Module = module;
        Context = module.Context;
        _handle = LlvmNative.LLVMCreateBuilderInContext(Context.Handle);
        _handle.SetOwner(Context.Handle);
        _allocaHandle = LlvmNative.LLVMCreateBuilderInContext(Context.Handle);
        _allocaHandle.SetOwner(Context.Handle);
    }

    public LlvmModule Module { get; }

    public LlvmContext Context { get; }

    // ---- Position and location --------------------------------------------------------------------------------

    public void PositionAtEnd(LlvmBlock block) => LlvmNative.LLVMPositionBuilderAtEnd(_handle, block);

    public void PositionBefore(LlvmValue instruction) => LlvmNative.LLVMPositionBuilderBefore(_handle, instruction);

    /// <summary>The block instructions are added to.</summary>
    public LlvmBlock InsertBlock => LlvmNative.LLVMGetInsertBlock(_handle);

    /// <summary>The function being built.</summary>
    public LlvmValue CurrentFunction => InsertBlock.Function;

    /// <summary>Appends a block to the current function.</summary>
    public LlvmBlock AppendBlock(string name = "") => Module.AppendBlock(CurrentFunction, name);

    /// <summary>True when the current block already ends with a terminator.</summary>
    public bool IsTerminated => InsertBlock.HasTerminator;

    /// <summary>Sets the debug location of following instructions (from <see cref="LlvmDebugInfo.Location"/>).</summary>
    public void SetLocation(LlvmMetadata location) => LlvmNative.LLVMSetCurrentDebugLocation2(_handle, location);

    /// <summary>Sets the location from a line and column inside <paramref name="scope"/> (the program's subprogram).</summary>
    public void SetLocation(int line, int column, LlvmMetadata scope)
    {
        LlvmDebugInfo debugInfo = Module.DebugInfo ?? throw new InvalidOperationException("debug info is not enabled on the module");
        SetLocation(debugInfo.Location(line, column, scope));
    }

    public void ClearLocation() => LlvmNative.LLVMSetCurrentDebugLocation2(_handle, LlvmMetadata.None);

    public LlvmMetadata CurrentLocation => LlvmNative.LLVMGetCurrentDebugLocation2(_handle);

    // ---- Arithmetic and logic ---------------------------------------------------------------------------------

    public LlvmValue Add(LlvmValue l, LlvmValue r, string name = "") => LlvmNative.LLVMBuildAdd(_handle, l, r, name);
    public LlvmValue Sub(LlvmValue l, LlvmValue r, string name = "") => LlvmNative.LLVMBuildSub(_handle, l, r, name);
    public LlvmValue Mul(LlvmValue l, LlvmValue r, string name = "") => LlvmNative.LLVMBuildMul(_handle, l, r, name);
    public LlvmValue SDiv(LlvmValue l, LlvmValue r, string name = "") => LlvmNative.LLVMBuildSDiv(_handle, l, r, name);
    public LlvmValue UDiv(LlvmValue l, LlvmValue r, string name = "") => LlvmNative.LLVMBuildUDiv(_handle, l, r, name);
    public LlvmValue SRem(LlvmValue l, LlvmValue r, string name = "") => LlvmNative.LLVMBuildSRem(_handle, l, r, name);
    public LlvmValue URem(LlvmValue l, LlvmValue r, string name = "") => LlvmNative.LLVMBuildURem(_handle, l, r, name);
    public LlvmValue Shl(LlvmValue l, LlvmValue r, string name = "") => LlvmNative.LLVMBuildShl(_handle, l, r, name);
    public LlvmValue LShr(LlvmValue l, LlvmValue r, string name = "") => LlvmNative.LLVMBuildLShr(_handle, l, r, name);
    public LlvmValue AShr(LlvmValue l, LlvmValue r, string name = "") => LlvmNative.LLVMBuildAShr(_handle, l, r, name);
    public LlvmValue And(LlvmValue l, LlvmValue r, string name = "") => LlvmNative.LLVMBuildAnd(_handle, l, r, name);
    public LlvmValue Or(LlvmValue l, LlvmValue r, string name = "") => LlvmNative.LLVMBuildOr(_handle, l, r, name);
    public LlvmValue Xor(LlvmValue l, LlvmValue r, string name = "") => LlvmNative.LLVMBuildXor(_handle, l, r, name);
    public LlvmValue Not(LlvmValue v, string name = "") => LlvmNative.LLVMBuildNot(_handle, v, name);
    public LlvmValue Neg(LlvmValue v, string name = "") => LlvmNative.LLVMBuildNeg(_handle, v, name);

    public LlvmValue ICmp(LlvmIntPredicate predicate, LlvmValue l, LlvmValue r, string name = "") =>
        LlvmNative.LLVMBuildICmp(_handle, (int)predicate, l, r, name);

    public LlvmValue Select(LlvmValue condition, LlvmValue then, LlvmValue @else, string name = "") =>
        LlvmNative.LLVMBuildSelect(_handle, condition, then, @else, name);

    // ---- Control flow -----------------------------------------------------------------------------------------

    public LlvmValue Br(LlvmBlock destination) => LlvmNative.LLVMBuildBr(_handle, destination);

    public LlvmValue CondBr(LlvmValue condition, LlvmBlock then, LlvmBlock @else) => LlvmNative.LLVMBuildCondBr(_handle, condition, then, @else);

    /// <summary>A switch; add cases with <see cref="LlvmValue.AddCase"/>.</summary>
    public LlvmValue Switch(LlvmValue value, LlvmBlock @default, int caseCountHint = 0) =>
        LlvmNative.LLVMBuildSwitch(_handle, value, @default, (uint)caseCountHint);

    public LlvmValue Ret(LlvmValue value) => LlvmNative.LLVMBuildRet(_handle, value);

    public LlvmValue RetVoid() => LlvmNative.LLVMBuildRetVoid(_handle);

    public LlvmValue Unreachable() => LlvmNative.LLVMBuildUnreachable(_handle);

    /// <summary>A phi; add incoming pairs with <see cref="LlvmValue.AddIncoming(LlvmValue, LlvmBlock)"/>.</summary>
    public LlvmValue Phi(LlvmType type, string name = "") => LlvmNative.LLVMBuildPhi(_handle, type, name);

    // ---- Memory -----------------------------------------------------------------------------------------------

    /// <summary>A stack slot in the entry block of the current function, aligned to 8.</summary>
    public LlvmValue Alloca(LlvmType type, string name = "")
    {
        LlvmBlock entry = CurrentFunction.EntryBlock;
        LlvmValue first = LlvmNative.LLVMGetFirstInstruction(entry);
        if (first.IsNull)
        {
            LlvmNative.LLVMPositionBuilderAtEnd(_allocaHandle, entry);
        }
        else
        {
            LlvmNative.LLVMPositionBuilderBefore(_allocaHandle, first);
        }

        LlvmValue slot = LlvmNative.LLVMBuildAlloca(_allocaHandle, type, name);
        slot.SetAlignment(StackAlignment);
        return slot;
    }

    /// <summary>Loads a <paramref name="type"/> from <paramref name="pointer"/>; alignment 0 keeps LLVM's ABI default.</summary>
    public LlvmValue Load(LlvmType type, LlvmValue pointer, uint alignment = 0, string name = "")
    {
        LlvmValue load = LlvmNative.LLVMBuildLoad2(_handle, type, pointer, name);
        if (alignment != 0)
        {
            load.SetAlignment(alignment);
        }

        return load;
    }

    public LlvmValue Store(LlvmValue value, LlvmValue pointer, uint alignment = 0)
    {
        LlvmValue store = LlvmNative.LLVMBuildStore(_handle, value, pointer);
        if (alignment != 0)
        {
            store.SetAlignment(alignment);
        }

        return store;
    }

    public unsafe LlvmValue Gep(LlvmType type, LlvmValue pointer, ReadOnlySpan<LlvmValue> indices, string name = "")
    {
        fixed (LlvmValue* i = indices)
        {
            return LlvmNative.LLVMBuildGEP2(_handle, type, pointer, i, (uint)indices.Length, name);
        }
    }

    public unsafe LlvmValue InBoundsGep(LlvmType type, LlvmValue pointer, ReadOnlySpan<LlvmValue> indices, string name = "")
    {
        fixed (LlvmValue* i = indices)
        {
            return LlvmNative.LLVMBuildInBoundsGEP2(_handle, type, pointer, i, (uint)indices.Length, name);
        }
    }

    /// <summary>Pointer to field <paramref name="index"/> of struct type <paramref name="structType"/> at <paramref name="pointer"/>.</summary>
    public LlvmValue StructGep(LlvmType structType, LlvmValue pointer, int index, string name = "") =>
        LlvmNative.LLVMBuildStructGEP2(_handle, structType, pointer, checked((uint)index), name);

    /// <summary>Pointer <paramref name="byteOffset"/> bytes past <paramref name="pointer"/> (an i8 GEP).</summary>
    public LlvmValue ByteOffset(LlvmValue pointer, long byteOffset, string name = "") =>
        byteOffset == 0 ? pointer : InBoundsGep(Context.I8, pointer, [Context.ConstI64(byteOffset)], name);

    /// <summary>
    /// Largest constant-length memset/memcpy the BPF backend inlines (bigger ones become calls to memset/memcpy,
    /// which BPF cannot make: "A call to built-in function 'memset' is not supported"). Longer constant lengths
    /// are split into pieces of this size.
    /// </summary>
    public const ulong MaxInlineMemoryOperation = 1024;

    /// <summary>
    /// <c>llvm.memset</c> of <paramref name="length"/> bytes (an i64) with byte <paramref name="value"/> (an i8).
    /// Give the real alignment: with 8 BPF stores 8 bytes at a time, with 1 a byte at a time (8x the
    /// instructions). A constant length above <see cref="MaxInlineMemoryOperation"/> is split.
    /// </summary>
    public LlvmValue Memset(LlvmValue pointer, LlvmValue value, LlvmValue length, uint alignment = StackAlignment)
    {
        if (length.ConstantIntValue is ulong total && total > MaxInlineMemoryOperation)
        {
            LlvmValue last = default;
            for (ulong offset = 0; offset < total; offset += MaxInlineMemoryOperation)
            {
                ulong piece = Math.Min(MaxInlineMemoryOperation, total - offset);
                last = MemoryIntrinsic("llvm.memset", [ByteOffset(pointer, (long)offset), value, Context.ConstInt(Context.I64, piece)], alignment, 0);
            }

            return last;
        }

        return LlvmNative.LLVMBuildMemSet(_handle, pointer, value, length, alignment);
    }

    /// <summary>Zeroes <paramref name="length"/> bytes.</summary>
    public LlvmValue Zero(LlvmValue pointer, ulong length, uint alignment = StackAlignment) =>
        Memset(pointer, Context.ConstI8(0), Context.ConstInt(Context.I64, length), alignment);

    /// <summary>
    /// <c>llvm.memcpy</c> of <paramref name="length"/> bytes (an i64); see <see cref="Memset"/> about alignment
    /// and long constant lengths.
    /// </summary>
    public LlvmValue Memcpy(LlvmValue destination, LlvmValue source, LlvmValue length, uint destinationAlignment = 1, uint sourceAlignment = 1)
    {
        if (length.ConstantIntValue is ulong total && total > MaxInlineMemoryOperation)
        {
            LlvmValue last = default;
            for (ulong offset = 0; offset < total; offset += MaxInlineMemoryOperation)
            {
                ulong piece = Math.Min(MaxInlineMemoryOperation, total - offset);
                last = MemoryIntrinsic(
                    "llvm.memcpy",
                    [ByteOffset(destination, (long)offset), ByteOffset(source, (long)offset), Context.ConstInt(Context.I64, piece)],
                    destinationAlignment,
                    sourceAlignment);
            }

            return last;
        }

        return LlvmNative.LLVMBuildMemCpy(_handle, destination, destinationAlignment, source, sourceAlignment, length);
    }

    /// <summary>
    /// A volatile memset/memcpy piece: volatile so the optimiser does not merge the pieces back into one call
    /// the BPF backend cannot inline.
    /// </summary>
    private LlvmValue MemoryIntrinsic(string name, LlvmValue[] arguments, uint firstAlignment, uint secondAlignment)
    {
        LlvmCallee callee = name == "llvm.memset"
            ? Module.GetIntrinsic(name, Context.Ptr, Context.I64)
            : Module.GetIntrinsic(name, Context.Ptr, Context.Ptr, Context.I64);
        LlvmValue call = Call(callee, [.. arguments, Context.ConstBool(true)]);
        if (firstAlignment > 1)
        {
            AddCallArgumentAttribute(call, 0, "align", firstAlignment);
        }

        if (secondAlignment > 1)
        {
            AddCallArgumentAttribute(call, 1, "align", secondAlignment);
        }

        return call;
    }

    /// <summary>Marks the start of a stack slot's life (lets LLVM share stack between slots; BPF has 512 bytes).</summary>
    public LlvmValue LifetimeStart(LlvmValue slot, ulong size)
    {
        LlvmCallee start = Module.GetIntrinsic("llvm.lifetime.start", Context.Ptr);
        return Call(start, [Context.ConstInt(Context.I64, size), slot]);
    }

    public LlvmValue LifetimeEnd(LlvmValue slot, ulong size)
    {
        LlvmCallee end = Module.GetIntrinsic("llvm.lifetime.end", Context.Ptr);
        return Call(end, [Context.ConstInt(Context.I64, size), slot]);
    }

    /// <summary>
    /// <c>atomicrmw</c> on <paramref name="pointer"/> (sequentially consistent); returns the old value. For a
    /// shared (non per-CPU) map value, an unused result lets BPF use a plain atomic add.
    /// </summary>
    public LlvmValue AtomicRmw(LlvmAtomicOperation operation, LlvmValue pointer, LlvmValue value)
    {
        const int SequentiallyConsistent = 7;
        return LlvmNative.LLVMBuildAtomicRMW(_handle, (int)operation, pointer, value, SequentiallyConsistent, 0);
    }

    /// <summary>
    /// <c>cmpxchg</c>: stores <paramref name="replacement"/> when the value equals <paramref name="expected"/>;
    /// returns <c>{ old value, i1 success }</c> (take them apart with <see cref="ExtractValue"/>).
    /// </summary>
    public LlvmValue AtomicCompareExchange(LlvmValue pointer, LlvmValue expected, LlvmValue replacement)
    {
        const int SequentiallyConsistent = 7;
        return LlvmNative.LLVMBuildAtomicCmpXchg(_handle, pointer, expected, replacement, SequentiallyConsistent, SequentiallyConsistent, 0);
    }

    public LlvmValue ExtractValue(LlvmValue aggregate, int index, string name = "") =>
        LlvmNative.LLVMBuildExtractValue(_handle, aggregate, checked((uint)index), name);

    public LlvmValue InsertValue(LlvmValue aggregate, LlvmValue element, int index, string name = "") =>
        LlvmNative.LLVMBuildInsertValue(_handle, aggregate, element, checked((uint)index), name);

    // ---- Casts ------------------------------------------------------------------------------------------------

    public LlvmValue ZExt(LlvmValue v, LlvmType type, string name = "") => LlvmNative.LLVMBuildZExt(_handle, v, type, name);
    public LlvmValue SExt(LlvmValue v, LlvmType type, string name = "") => LlvmNative.LLVMBuildSExt(_handle, v, type, name);
    public LlvmValue Trunc(LlvmValue v, LlvmType type, string name = "") => LlvmNative.LLVMBuildTrunc(_handle, v, type, name);

    /// <summary>Extends (sign or zero) or truncates an integer to <paramref name="type"/>; no instruction when equal.</summary>
    public LlvmValue IntCast(LlvmValue v, LlvmType type, bool isSigned, string name = "") =>
        LlvmNative.LLVMBuildIntCast2(_handle, v, type, isSigned ? 1 : 0, name);

    public LlvmValue PtrToInt(LlvmValue v, LlvmType type, string name = "") => LlvmNative.LLVMBuildPtrToInt(_handle, v, type, name);
    public LlvmValue IntToPtr(LlvmValue v, string name = "") => LlvmNative.LLVMBuildIntToPtr(_handle, v, Context.Ptr, name);
    public LlvmValue BitCast(LlvmValue v, LlvmType type, string name = "") => LlvmNative.LLVMBuildBitCast(_handle, v, type, name);

    // ---- Calls ------------------------------------------------------------------------------------------------

    public unsafe LlvmValue Call(LlvmCallee callee, ReadOnlySpan<LlvmValue> arguments, string name = "")
    {
        fixed (LlvmValue* a = arguments)
        {
            return LlvmNative.LLVMBuildCall2(_handle, callee.FunctionType, callee.Function, a, (uint)arguments.Length, name);
        }
    }

    /// <summary>
    /// Calls BPF helper <paramref name="helperId"/> with the arguments' own types as its signature and
    /// <paramref name="returnType"/> (usually i64 or ptr) as its result. Helpers that return map values or ring
    /// buffer records (map_lookup_elem, ringbuf_reserve, map_lookup_percpu_elem) get an <c>align 8</c> result:
    /// the kernel aligns those to 8, and telling LLVM lets -O2 copy them 8 bytes at a time.
    /// </summary>
    public LlvmValue CallHelper(int helperId, LlvmType returnType, ReadOnlySpan<LlvmValue> arguments, string name = "")
    {
        var parameterTypes = new LlvmType[arguments.Length];
        for (int i = 0; i < arguments.Length; i++)
        {
            parameterTypes[i] = arguments[i].Type;
        }

        LlvmValue call = Call(Module.Helper(helperId, returnType, parameterTypes), arguments, name);
        if (returnType == Context.Ptr && helperId is MapLookupElem or RingbufReserve or MapLookupPercpuElem)
        {
            LlvmNative.LLVMAddCallSiteAttribute(call, 0, Context.EnumAttribute("align", 8));
        }

        return call;
    }

    private const int MapLookupElem = 1;
    private const int RingbufReserve = 131;
    private const int MapLookupPercpuElem = 195;

    // ---- CO-RE (BTF relocations, as clang emits them for preserve_access_index types) ------------------------

    /// <summary>
    /// Address of field <paramref name="debugIndex"/> (index among the debug struct's members) of the struct at
    /// <paramref name="basePointer"/>, as <c>llvm.preserve.struct.access.index</c>: the BPF backend emits a BTF
    /// field relocation (by struct and field name) that libbpf fixes up against the running kernel's BTF.
    /// <paramref name="structType"/> is an LLVM struct type with at least <paramref name="gepIndex"/> + 1 fields;
    /// <paramref name="debugStructType"/> is the struct's debug type (its name and member names are what match).
    /// Pass the address to bpf_probe_read_kernel, like BPF_CORE_READ does. Make the debug type with
    /// <see cref="LlvmDebugInfo.RelocatableStructType"/> (see <see cref="LlvmModule.CoreFlavor"/> for why).
    /// </summary>
    public LlvmValue PreserveStructAccess(LlvmType structType, LlvmValue basePointer, int gepIndex, int debugIndex, LlvmMetadata debugStructType, string name = "")
    {
        LlvmCallee access = CoreIntrinsic("llvm.preserve.struct.access.index", Context.Ptr, Context.Ptr);
        LlvmValue call = Call(access, [basePointer, Context.ConstI32(gepIndex), Context.ConstI32(debugIndex)], name);
        AddCallArgumentTypeAttribute(call, 0, "elementtype", structType);
        SetMetadata(call, "llvm.preserve.access.index", debugStructType);
        return call;
    }

    /// <summary>Address of member <paramref name="debugIndex"/> of the union at <paramref name="basePointer"/> (a relocatable access).</summary>
    public LlvmValue PreserveUnionAccess(LlvmValue basePointer, int debugIndex, LlvmMetadata debugUnionType, string name = "")
    {
        LlvmCallee access = CoreIntrinsic("llvm.preserve.union.access.index", Context.Ptr, Context.Ptr);
        LlvmValue call = Call(access, [basePointer, Context.ConstI32(debugIndex)], name);
        SetMetadata(call, "llvm.preserve.access.index", debugUnionType);
        return call;
    }

    /// <summary>
    /// Address of element <paramref name="index"/> of dimension <paramref name="dimension"/> of the array at
    /// <paramref name="basePointer"/> (<paramref name="arrayType"/> is its LLVM array type), a relocatable access.
    /// </summary>
    public LlvmValue PreserveArrayAccess(LlvmType arrayType, LlvmValue basePointer, int dimension, int index, LlvmMetadata debugElementType, string name = "")
    {
        LlvmCallee access = CoreIntrinsic("llvm.preserve.array.access.index", Context.Ptr, Context.Ptr);
        LlvmValue call = Call(access, [basePointer, Context.ConstI32(dimension), Context.ConstI32(index)], name);
        AddCallArgumentTypeAttribute(call, 0, "elementtype", arrayType);
        SetMetadata(call, "llvm.preserve.access.index", debugElementType);
        return call;
    }

    /// <summary>
    /// <c>llvm.bpf.preserve.field.info</c>: a relocatable fact about the field whose address
    /// <paramref name="fieldAddress"/> came from a preserve access (kind 0 byte offset, 1 byte size, 2 exists,
    /// 3 signed, 4/5 bitfield shifts). Returns an i32.
    /// </summary>
    public LlvmValue PreserveFieldInfo(LlvmValue fieldAddress, long kind, string name = "")
    {
        LlvmCallee info = CoreIntrinsic("llvm.bpf.preserve.field.info", Context.Ptr);
        return Call(info, [fieldAddress, Context.ConstI64(kind)], name);
    }

    /// <summary>
    /// <c>llvm.bpf.passthrough</c>: <paramref name="value"/> unchanged, but opaque to the IR optimiser (the BPF back end
    /// removes the call before instruction selection). Keeps InstCombine from rewriting a cheap BPF form into one
    /// that is canonical in IR but longer in BPF, e.g. <c>(x &gt;&gt; 32) == c</c> into a 64-bit mask and compare.
    /// </summary>
    public LlvmValue Passthrough(LlvmValue value, string name = "")
    {
        LlvmType type = value.Type;
        LlvmCallee passthrough = Module.GetIntrinsic("llvm.bpf.passthrough", type, type);
        return Call(passthrough, [Context.ConstI32(_passthroughSequence++), value], name);
    }

    private LlvmCallee CoreIntrinsic(string name, params ReadOnlySpan<LlvmType> overloadTypes)
    {
        Module.UsesCoreRelocations = true;
        return Module.GetIntrinsic(name, overloadTypes);
    }

    /// <summary>Adds an enum attribute (e.g. <c>align 8</c>) to argument <paramref name="index"/> (0-based) of a call.</summary>
    public void AddCallArgumentAttribute(LlvmValue call, int index, string attribute, ulong value = 0) =>
        LlvmNative.LLVMAddCallSiteAttribute(call, checked((uint)index + 1), Context.EnumAttribute(attribute, value));

    /// <summary>Adds a type attribute (e.g. <c>elementtype(%struct.x)</c>) to argument <paramref name="index"/> of a call.</summary>
    public void AddCallArgumentTypeAttribute(LlvmValue call, int index, string attribute, LlvmType type) =>
        LlvmNative.LLVMAddCallSiteAttribute(call, checked((uint)index + 1), Context.TypeAttribute(attribute, type));

    /// <summary>Attaches metadata <paramref name="node"/> of kind <paramref name="kind"/> to an instruction.</summary>
    public void SetMetadata(LlvmValue instruction, string kind, LlvmMetadata node) =>
        LlvmNative.LLVMSetMetadata(instruction, Context.MetadataKind(kind), Context.MetadataAsValue(node));

    public void Dispose()
    {
        _allocaHandle.Dispose();
        _handle.Dispose();
    }
}
