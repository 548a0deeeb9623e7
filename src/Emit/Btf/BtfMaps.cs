using BtLang.Emit.Llvm;

namespace BtLang.Emit.Btf;

/// <summary>
/// Creates BTF-defined maps: a zero-initialised global in section <c>.maps</c> whose debug type is an anonymous
/// struct of pointer members, exactly as libbpf's macros encode it:
/// <c>__uint(name, N)</c> is <c>int (*name)[N]</c> and <c>__type(name, T)</c> is <c>T *name</c>.
/// The BPF backend turns that into the BTF libbpf reads map definitions from (libbpf 1.x accepts nothing else).
/// </summary>
internal static class BtfMaps
{
    public const string SectionName = ".maps";

    /// <summary>Defines the map and returns its global (the pointer passed to map helpers).</summary>
    public static LlvmValue Define(LlvmModule module, BpfMapDefinition map)
    {
        LlvmDebugInfo debug = module.DebugInfo
            ?? throw new InvalidOperationException("BTF-defined maps need debug info: call LlvmModule.EnableDebugInfo first");
        LlvmContext context = module.Context;

        var members = new List<LlvmMetadata>();
        void Add(string name, LlvmMetadata pointer) =>
            members.Add(debug.Member(name, pointer, 64, (ulong)members.Count * 64, line: map.Line));
        void AddUint(string name, uint value) =>
            Add(name, debug.PointerType(debug.ArrayType(debug.Int, 32, value)));
        void AddSlot(string typeName, string sizeName, BtfMapSlot slot)
        {
            if (slot.HasType)
            {
                Add(typeName, debug.PointerType(slot.Type));
            }
            else
            {
                AddUint(sizeName, slot.Size);
            }
        }

        AddUint("type", (uint)map.Type);
        AddUint("max_entries", map.MaxEntries);
        BtfMapSlot? key = map.Key ?? DefaultKey(debug, map.Type);
        if (key is { } k)
        {
            AddSlot("key", "key_size", k);
        }

        if (map.Value is { } v)
        {
            AddSlot("value", "value_size", v);
        }

        if (map.MapFlags != 0)
        {
            AddUint("map_flags", map.MapFlags);
        }

        LlvmMetadata structType = debug.StructType(null, (ulong)members.Count * 64, [.. members], line: map.Line);

        var fields = new LlvmType[members.Count];
        System.Array.Fill(fields, context.Ptr);
        LlvmType llvmType = context.Struct(fields);
        LlvmValue global = module.AddGlobal(llvmType, map.Name);
        global.SetInitializer(context.Zero(llvmType))
            .SetSection(SectionName)
            .SetAlignment(8)
            .SetLinkage(LlvmLinkage.External);
        debug.GlobalVariable(global, map.Name, structType, map.Line);
        return global;
    }

    private static BtfMapSlot? DefaultKey(LlvmDebugInfo debug, BpfMapType type) => type switch
    {
        BpfMapType.Array or BpfMapType.PercpuArray or BpfMapType.StackTrace => BtfMapSlot.OfType(debug.Integer(32, signed: false)),
        _ => null,
    };
}
