using System.Diagnostics;
using System.Runtime.InteropServices;
using BtLang.Emit.Llvm.Interop;

namespace BtLang.Emit.Llvm;

/// <summary>
/// A BPF module: triple <c>bpf-pc-linux</c> and the target's data layout are set on creation. Holds globals,
/// functions, the optional debug info builder and the <c>llvm.used</c> list; prints, verifies, optimises and emits
/// an ELF object. <see cref="Complete"/> (called by print, verify, optimise and emit) finalises debug info and
/// writes <c>llvm.used</c>; after it, add no more debug info or used globals.
/// </summary>
internal sealed class LlvmModule : IDisposable
{
    private readonly List<LlvmValue> _used = [];
    private readonly TargetDataHandle _targetData;
    private static int s_moduleSerial;

    /// <summary>Serialises the BPF CO-RE pass, whose process-wide cache is not thread-safe.</summary>
    private static readonly object CoreGate = new();
    private bool _completed;
    private bool _optimized;
    private string? _sourceDirectory;

    internal LlvmModule(LlvmContext context, string name)
    {
        Context = context;
        Handle = LlvmNative.LLVMModuleCreateWithNameInContext(name, context.Handle);
        Handle.SetOwner(context.Handle);
        LlvmNative.LLVMSetTarget(Handle, BpfTarget.Triple);
        LlvmNative.LLVMSetDataLayout(Handle, BpfTarget.DataLayout);
        _targetData = LlvmNative.LLVMCreateTargetData(BpfTarget.DataLayout);
        CoreFlavor = "___btl" + Interlocked.Increment(ref s_moduleSerial).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A suffix unique to this module within the process, added to the names of debug types used for CO-RE
    /// accesses. LLVM 19's BPF pass caches the relocation globals it makes in a process-wide map keyed by type
    /// and access path, so a second module with the same key would reuse a global of a freed module and crash.
    /// libbpf ignores a <c>___suffix</c> ("flavor") when it matches names against the kernel's BTF.
    /// </summary>
    public string CoreFlavor { get; }

    /// <summary>True once a CO-RE access was built: emission then needs the BPF IR passes (see <see cref="EmitObject"/>).</summary>
    public bool UsesCoreRelocations { get; internal set; }

    public LlvmContext Context { get; }

    internal LlvmModuleHandle Handle { get; }

    /// <summary>The debug info builder, once <see cref="EnableDebugInfo"/> was called.</summary>
    public LlvmDebugInfo? DebugInfo { get; private set; }

    public bool IsCompleted => _completed;

    /// <summary>
    /// Creates the debug info builder, compile unit and the module flags BTF needs ("Debug Info Version",
    /// "Dwarf Version" 5). BTF (maps, FUNC, line info) is produced only with debug info.
    /// With <paramref name="sourceText"/>, BTF line info carries the text of each source line (the verifier log
    /// then quotes the script): LLVM reads it from disk during emission, so the text is written to a private
    /// temporary directory (deleted with the module) and <paramref name="directory"/> is replaced by it.
    /// </summary>
    public LlvmDebugInfo EnableDebugInfo(string fileName, string directory = "", string producer = "btlang", string? sourceText = null)
    {
        if (DebugInfo is not null)
        {
            return DebugInfo;
        }

        if (sourceText is not null)
        {
            _sourceDirectory = Directory.CreateTempSubdirectory("btlang-src-").FullName;
            fileName = Path.GetFileName(fileName) is { Length: > 0 } baseName ? baseName : "script.bt";
            File.WriteAllText(Path.Combine(_sourceDirectory, fileName), sourceText);
            directory = _sourceDirectory;
        }

        const int BehaviorWarning = 1;
        AddModuleFlag(BehaviorWarning, "Debug Info Version", Context.ConstI32((int)LlvmNative.LLVMDebugMetadataVersion()));
        AddModuleFlag(BehaviorWarning, "Dwarf Version", Context.ConstI32(5));
        DebugInfo = new LlvmDebugInfo(this, fileName, directory, producer);
        return DebugInfo;
    }

    public void AddModuleFlag(int behavior, string key, LlvmValue value) =>
        LlvmNative.LLVMAddModuleFlag(Handle, behavior, key, Utf8.Length(key), Context.AsMetadata(value));

    /// <summary>A new IR builder for this module's functions.</summary>
    public LlvmBuilder CreateBuilder() => new(this);

    // ---- Globals ----------------------------------------------------------------------------------------------

    public LlvmValue AddGlobal(LlvmType type, string name) => LlvmNative.LLVMAddGlobal(Handle, type, name);

    /// <summary>The global named <paramref name="name"/>, or a null value.</summary>
    public LlvmValue GetGlobal(string name) => LlvmNative.LLVMGetNamedGlobal(Handle, name);

    /// <summary>
    /// A private constant global holding the bytes, for example a string the program copies out. Alignment 1
    /// unless given.
    /// </summary>
    public LlvmValue AddConstantData(string name, ReadOnlySpan<byte> bytes, uint alignment = 1)
    {
        LlvmValue initializer = Context.ConstBytes(bytes);
        LlvmValue global = AddGlobal(initializer.Type, name);
        global.SetInitializer(initializer).SetGlobalConstant().SetLinkage(LlvmLinkage.Private).SetAlignment(alignment);
        return global;
    }

    /// <summary>Adds a global or function to <c>llvm.used</c> so nothing removes it.</summary>
    public void AddUsed(LlvmValue global)
    {
        if (_completed)
        {
            throw new InvalidOperationException("the module is completed: llvm.used was already written");
        }

        _used.Add(global);
    }

    // ---- Functions --------------------------------------------------------------------------------------------

    public LlvmValue AddFunction(string name, LlvmType functionType) => LlvmNative.LLVMAddFunction(Handle, name, functionType);

    /// <summary>The function named <paramref name="name"/>, or a null value.</summary>
    public LlvmValue GetFunction(string name) => LlvmNative.LLVMGetNamedFunction(Handle, name);

    /// <summary>Adds an enum attribute (e.g. <c>nounwind</c>, <c>noinline</c>) to a function.</summary>
    public void AddFunctionAttribute(LlvmValue function, string name, ulong value = 0) =>
        LlvmNative.LLVMAddAttributeAtIndex(function, uint.MaxValue, Context.EnumAttribute(name, value));

    /// <summary>Adds a string attribute (<c>"key"="value"</c>) to a function.</summary>
    public void AddFunctionAttribute(LlvmValue function, string key, string value) =>
        LlvmNative.LLVMAddAttributeAtIndex(function, uint.MaxValue, Context.StringAttribute(key, value));

    /// <summary>Adds an enum attribute to parameter <paramref name="index"/> (0-based) of a function.</summary>
    public void AddParameterAttribute(LlvmValue function, int index, string name, ulong value = 0) =>
        LlvmNative.LLVMAddAttributeAtIndex(function, checked((uint)index + 1), Context.EnumAttribute(name, value));

    public LlvmBlock AppendBlock(LlvmValue function, string name = "") =>
        LlvmNative.LLVMAppendBasicBlockInContext(Context.Handle, function, name);

    /// <summary>A new block placed just before <paramref name="before"/> in its function.</summary>
    public LlvmBlock InsertBlockBefore(LlvmBlock before, string name = "") =>
        LlvmNative.LLVMInsertBasicBlockInContext(Context.Handle, before, name);

    /// <summary>
    /// The declaration of intrinsic <paramref name="name"/> (base name such as <c>llvm.memset</c>,
    /// <c>llvm.bpf.pseudo</c>, <c>llvm.preserve.struct.access.index</c>) instantiated for the overload types.
    /// </summary>
    public unsafe LlvmCallee GetIntrinsic(string name, params ReadOnlySpan<LlvmType> overloadTypes)
    {
        uint id = LlvmNative.LLVMLookupIntrinsicID(name, Utf8.Length(name));
        if (id == 0)
        {
            throw new ArgumentException($"unknown LLVM intrinsic '{name}'", nameof(name));
        }

        fixed (LlvmType* types = overloadTypes)
        {
            LlvmValue function = LlvmNative.LLVMGetIntrinsicDeclaration(Handle, id, types, (nuint)overloadTypes.Length);
            LlvmType type = LlvmNative.LLVMIntrinsicGetType(Context.Handle, id, types, (nuint)overloadTypes.Length);
            return new LlvmCallee(type, function);
        }
    }

    /// <summary>
    /// The callee of BPF helper <paramref name="helperId"/> (e.g. 1 = bpf_map_lookup_elem): a constant
    /// <c>inttoptr</c> of the id with the given signature, called with <see cref="LlvmBuilder.Call"/>.
    /// </summary>
    public LlvmCallee Helper(int helperId, LlvmType returnType, params ReadOnlySpan<LlvmType> parameterTypes) =>
        new(Context.Function(returnType, parameterTypes), Context.ConstIntToPtr(checked((ulong)helperId)));

    // ---- Layout -----------------------------------------------------------------------------------------------

    /// <summary>ABI size in bytes of a type under the BPF data layout.</summary>
    public ulong SizeOf(LlvmType type) => LlvmNative.LLVMABISizeOfType(_targetData, type);

    public uint AlignOf(LlvmType type) => LlvmNative.LLVMABIAlignmentOfType(_targetData, type);

    /// <summary>Byte offset of field <paramref name="index"/> in a struct type.</summary>
    public ulong OffsetOf(LlvmType structType, int index) =>
        LlvmNative.LLVMOffsetOfElement(_targetData, structType, checked((uint)index));

    // ---- Whole-module operations ------------------------------------------------------------------------------

    /// <summary>Finalises debug info and writes <c>llvm.used</c>. Idempotent.</summary>
    public void Complete()
    {
        if (_completed)
        {
            return;
        }

        _completed = true;
        if (_used.Count > 0)
        {
            LlvmValue array = Context.ConstArray(Context.Ptr, [.. _used]);
            LlvmValue used = AddGlobal(array.Type, "llvm.used");
            used.SetInitializer(array).SetLinkage(LlvmLinkage.Appending).SetSection("llvm.metadata");
        }

        DebugInfo?.FinalizeBuilder();
    }

    /// <summary>The module as LLVM IR text (for <c>-d</c>).</summary>
    public string PrintToString()
    {
        Complete();
        return Utf8.TakeMessage(LlvmNative.LLVMPrintModuleToString(Handle)) ?? string.Empty;
    }

    /// <summary>Runs LLVM's verifier; null when the module is valid, else the verifier's message.</summary>
    public string? Verify()
    {
        Complete();
        const int ReturnStatusAction = 2;
        int broken = LlvmNative.LLVMVerifyModule(Handle, ReturnStatusAction, out nint message);
        string? text = Utf8.TakeMessage(message);
        if (broken == 0)
        {
            return null;
        }

        return string.IsNullOrWhiteSpace(text) ? "the LLVM module is not valid" : text.TrimEnd();
    }

    /// <summary>Runs a new-pass-manager pipeline (default <c>default&lt;O2&gt;</c>); null on success, else the error.</summary>
    public string? Optimize(string pipeline = "default<O2>")
    {
        Complete();
        using TargetMachineHandle machine = BpfTarget.CreateTargetMachine();
        using PassBuilderOptionsHandle options = LlvmNative.LLVMCreatePassBuilderOptions();
        string? error;
        if (UsesCoreRelocations)
        {
            lock (CoreGate)
            {
                error = Utf8.TakeError(LlvmNative.LLVMRunPasses(Handle, pipeline, machine, options));
            }
        }
        else
        {
            error = Utf8.TakeError(LlvmNative.LLVMRunPasses(Handle, pipeline, machine, options));
        }

        _optimized |= error is null;
        return error;
    }

    /// <summary>
    /// Emits the ELF object. Any error LLVM reports during emission (through the context's diagnostic handler)
    /// makes the result a failure even when LLVM says it succeeded. A module with CO-RE accesses that was not
    /// optimised first gets the <c>default&lt;O0&gt;</c> pipeline, which runs the BPF passes that lower
    /// <c>llvm.preserve.*.access.index</c> (code generation alone cannot, and LLVM would abort the process).
    /// </summary>
    public LlvmEmitResult EmitObject()
    {
        Complete();
        Stopwatch watch = Stopwatch.StartNew();
        int start = Context.Diagnostics.Count;
        if (UsesCoreRelocations && !_optimized && Optimize("default<O0>") is { } passError)
        {
            Context.Report(new LlvmDiagnostic(LlvmDiagnosticSeverity.Error, passError));
            return new LlvmEmitResult(null, Context.DiagnosticsSince(start), [], watch.Elapsed);
        }

        using TargetMachineHandle machine = BpfTarget.CreateTargetMachine();
        const int ObjectFile = 1;
        int failed = LlvmNative.LLVMTargetMachineEmitToMemoryBuffer(machine, Handle, ObjectFile, out nint message, out MemoryBufferHandle buffer);
        string? error = Utf8.TakeMessage(message);
        byte[]? bytes = null;
        using (buffer)
        {
            if (failed == 0 && !buffer.IsInvalid)
            {
                nint data = LlvmNative.LLVMGetBufferStart(buffer);
                bytes = new byte[checked((int)LlvmNative.LLVMGetBufferSize(buffer))];
                Marshal.Copy(data, bytes, 0, bytes.Length);
            }
        }

        if (failed != 0)
        {
            Context.Report(new LlvmDiagnostic(LlvmDiagnosticSeverity.Error, error ?? "LLVM could not emit the object"));
        }

        var reported = Context.DiagnosticsSince(start);
        bool success = bytes is not null && !reported.Any(d => d.IsError);
        return new LlvmEmitResult(
            success ? bytes : null,
            [.. reported.Where(d => d.Severity is LlvmDiagnosticSeverity.Error or LlvmDiagnosticSeverity.Warning)],
            [.. reported.Where(d => d.Severity is LlvmDiagnosticSeverity.Remark or LlvmDiagnosticSeverity.Note)],
            watch.Elapsed);
    }

    public void Dispose()
    {
        DebugInfo?.Dispose();
        _targetData.Dispose();
        Handle.Dispose();
        if (_sourceDirectory is not null)
        {
            try
            {
                Directory.Delete(_sourceDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temporary file is harmless.
            }

            _sourceDirectory = null;
        }
    }
}
