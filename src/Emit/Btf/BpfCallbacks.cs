using BtLang.Emit.Llvm;

namespace BtLang.Emit.Btf;

/// <summary>
/// Static BPF subprograms whose address a helper takes (bpf_for_each_map_elem callbacks). LLVM places them in
/// <c>.text</c> and loads their address with a ld_imm64 that libbpf turns into a BPF_PSEUDO_FUNC reference.
/// </summary>
internal static class BpfCallbacks
{
    /// <summary>
    /// Creates <c>static long <paramref name="functionName"/>(void *map, void *key, void *value, void *ctx)</c>,
    /// nounwind and never inlined, with a static BTF FUNC whose parameters are named (the kernel needs both).
    /// </summary>
    public static BpfProgram DefineMapElementCallback(LlvmModule module, string functionName, int line = 0)
    {
        LlvmDebugInfo debug = module.DebugInfo
            ?? throw new InvalidOperationException("callbacks need debug info: call LlvmModule.EnableDebugInfo first");
        LlvmContext context = module.Context;

        LlvmType functionType = context.Function(context.I64, [context.Ptr, context.Ptr, context.Ptr, context.Ptr]);
        LlvmValue function = module.AddFunction(functionName, functionType);
        function.SetLinkage(LlvmLinkage.Internal);
        module.AddFunctionAttribute(function, "nounwind");
        module.AddFunctionAttribute(function, "noinline");
        string[] names = ["map", "key", "value", "ctx"];
        for (int i = 0; i < names.Length; i++)
        {
            function.GetParam(i).SetName(names[i]);
        }

        LlvmMetadata voidPointer = debug.PointerType(LlvmMetadata.None);
        LlvmMetadata subroutine = debug.SubroutineType(debug.Integer(64, signed: true), voidPointer, voidPointer, voidPointer, voidPointer);
        LlvmMetadata subprogram = debug.Function(function, functionName, subroutine, line, isLocalToUnit: true);
        for (int i = 0; i < names.Length; i++)
        {
            debug.Parameter(subprogram, names[i], i + 1, voidPointer, line);
        }

        LlvmBlock entry = module.AppendBlock(function, "entry");
        return new BpfProgram(function, function.GetParam(3), subprogram, entry, ".text");
    }

    /// <summary>
    /// Creates <c>static long <paramref name="functionName"/>(unsigned long index, void *ctx)</c>, the callback of
    /// bpf_loop, nounwind and never inlined, with a static BTF FUNC whose parameters are named.
    /// </summary>
    public static BpfProgram DefineLoopCallback(LlvmModule module, string functionName, int line = 0)
    {
        LlvmDebugInfo debug = module.DebugInfo
            ?? throw new InvalidOperationException("callbacks need debug info: call LlvmModule.EnableDebugInfo first");
        LlvmContext context = module.Context;

        LlvmType functionType = context.Function(context.I64, [context.I64, context.Ptr]);
        LlvmValue function = module.AddFunction(functionName, functionType);
        function.SetLinkage(LlvmLinkage.Internal);
        module.AddFunctionAttribute(function, "nounwind");
        module.AddFunctionAttribute(function, "noinline");
        function.GetParam(0).SetName("index");
        function.GetParam(1).SetName("ctx");

        LlvmMetadata voidPointer = debug.PointerType(LlvmMetadata.None);
        LlvmMetadata index = debug.Integer(64, signed: false);
        LlvmMetadata subroutine = debug.SubroutineType(debug.Integer(64, signed: true), index, voidPointer);
        LlvmMetadata subprogram = debug.Function(function, functionName, subroutine, line, isLocalToUnit: true);
        debug.Parameter(subprogram, "index", 1, index, line);
        debug.Parameter(subprogram, "ctx", 2, voidPointer, line);

        LlvmBlock entry = module.AppendBlock(function, "entry");
        return new BpfProgram(function, function.GetParam(1), subprogram, entry, ".text");
    }
}
