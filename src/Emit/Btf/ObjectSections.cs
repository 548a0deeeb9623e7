using BtLang.Emit.Llvm;

namespace BtLang.Emit.Btf;

/// <summary>Custom data sections in the object, such as the metadata section the driver reads back.</summary>
internal static class ObjectSections
{
    /// <summary>
    /// Puts <paramref name="bytes"/> into section <paramref name="sectionName"/> as a constant global byte array
    /// named <paramref name="symbolName"/>, in <c>llvm.used</c> so it survives optimisation and emission. It has no
    /// debug info, so BTF does not describe it and libbpf skips the section; its symbol is local, as libbpf's static
    /// linker (used for imports of BPF C files) rejects global symbols that BTF does not describe.
    /// </summary>
    public static LlvmValue AddDataSection(LlvmModule module, string sectionName, string symbolName, ReadOnlySpan<byte> bytes)
    {
        LlvmValue data = module.Context.ConstBytes(bytes);
        LlvmValue global = module.AddGlobal(data.Type, symbolName);
        global.SetInitializer(data)
            .SetGlobalConstant()
            .SetSection(sectionName)
            .SetAlignment(1)
            .SetLinkage(LlvmLinkage.Internal);
        module.AddUsed(global);
        return global;
    }
}
