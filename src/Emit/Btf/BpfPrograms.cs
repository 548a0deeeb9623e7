using BtLang.Emit.Llvm;

namespace BtLang.Emit.Btf;

/// <summary>Program functions and the license global, described so libbpf and the kernel accept their BTF.</summary>
internal static class BpfPrograms
{
    public const string LicenseSection = "license";

    /// <summary>
    /// Creates <c>int <paramref name="functionName"/>(void *ctx)</c> in section <paramref name="section"/>
    /// (e.g. <c>tracepoint/syscalls/sys_enter_openat</c>, <c>uprobe</c>, <c>perf_event</c>), nounwind (no
    /// <c>.eh_frame</c>), with a subprogram whose parameter is named <c>ctx</c> (the kernel rejects BTF with an
    /// unnamed FUNC parameter). The module must have debug info enabled.
    /// </summary>
    public static BpfProgram Define(LlvmModule module, string functionName, string section, int line = 0)
    {
        LlvmDebugInfo debug = module.DebugInfo
            ?? throw new InvalidOperationException("programs need debug info: call LlvmModule.EnableDebugInfo first");
        LlvmContext context = module.Context;

        LlvmType functionType = context.Function(context.I32, [context.Ptr]);
        LlvmValue function = module.AddFunction(functionName, functionType);
        function.SetSection(section).SetLinkage(LlvmLinkage.External);
        module.AddFunctionAttribute(function, "nounwind");
        LlvmValue ctx = function.GetParam(0).SetName("ctx");

        LlvmMetadata voidPointer = debug.PointerType(LlvmMetadata.None);
        LlvmMetadata subroutine = debug.SubroutineType(debug.Int, voidPointer);
        LlvmMetadata subprogram = debug.Function(function, functionName, subroutine, line);
        debug.Parameter(subprogram, "ctx", 1, voidPointer, line);

        LlvmBlock entry = module.AppendBlock(function, "entry");
        return new BpfProgram(function, ctx, subprogram, entry, section);
    }

    /// <summary>The <c>license</c> section global libbpf passes to the kernel (GPL-only helpers need "GPL").</summary>
    public static LlvmValue AddLicense(LlvmModule module, string license = "GPL")
    {
        LlvmValue text = module.Context.ConstString(license);
        LlvmValue global = module.AddGlobal(text.Type, "_license");
        // Internal: a global symbol without BTF would stop libbpf's static linker (imports of BPF C files).
        global.SetInitializer(text).SetSection(LicenseSection).SetAlignment(1).SetLinkage(LlvmLinkage.Internal);
        module.AddUsed(global);
        return global;
    }
}
