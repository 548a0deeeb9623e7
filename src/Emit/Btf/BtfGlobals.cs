using BtLang.Emit.Llvm;

namespace BtLang.Emit.Btf;

/// <summary>
/// Global variables that libbpf turns into its internal array maps: <c>.bss</c> (zeroed), <c>.data</c> and
/// <c>.data.NAME</c> (initialised, writable), <c>.rodata</c> and <c>.rodata.NAME</c> (read-only, frozen after
/// load; the driver may set their initial contents before loading). They carry debug info, so BTF describes
/// them as VARs of a DATASEC and the kernel lets programs address them directly.
/// </summary>
internal static class BtfGlobals
{
    /// <summary>
    /// Defines global <paramref name="name"/> of LLVM type <paramref name="type"/> (described by
    /// <paramref name="debugType"/>, of the same size) in <paramref name="section"/>, initialised with
    /// <paramref name="initializer"/> or zero. Read-only sections make it constant. It is externally initialised
    /// (the driver may rewrite it before load), so the optimiser never folds its value into the code.
    /// </summary>
    public static LlvmValue Define(LlvmModule module, string name, LlvmType type, LlvmMetadata debugType, string section, LlvmValue? initializer = null, uint alignment = 8)
    {
        LlvmDebugInfo debug = module.DebugInfo
            ?? throw new InvalidOperationException("BTF globals need debug info: call LlvmModule.EnableDebugInfo first");
        bool readOnly = section == ".rodata" || section.StartsWith(".rodata.", StringComparison.Ordinal);
        LlvmValue global = module.AddGlobal(type, name);
        global.SetInitializer(initializer ?? module.Context.Zero(type))
            .SetSection(section)
            .SetAlignment(alignment)
            .SetLinkage(LlvmLinkage.External)
            .SetGlobalConstant(readOnly)
            .SetExternallyInitialized();
        debug.GlobalVariable(global, name, readOnly ? debug.Const(debugType) : debugType);
        module.AddUsed(global);
        return global;
    }
}
