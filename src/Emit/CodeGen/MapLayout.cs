using BtLang.Emit.Llvm;
using BtLang.Emit.Metadata;
using BtLang.Semantics.Symbols;
using BtLang.Semantics.Types;

namespace BtLang.Emit.CodeGen;

/// <summary>How one script map is laid out in BPF: its global, key and value sizes, and its metadata entry.</summary>
internal sealed class MapLayout
{
    public MapLayout(MapSymbol symbol, int index, string bpfName, LlvmValue global, MapMetadata metadata)
    {
        Symbol = symbol;
        Index = index;
        BpfName = bpfName;
        Global = global;
        Metadata = metadata;
    }

    public MapSymbol Symbol { get; }

    /// <summary>Index into <see cref="ObjectMetadata.Maps"/>.</summary>
    public int Index { get; }

    public string BpfName { get; }

    public LlvmValue Global { get; }

    public MapMetadata Metadata { get; }

    /// <summary>The script key type, null for scalar maps.</summary>
    public BtType? KeyType => Symbol.KeyType;

    public BtType ValueType => Symbol.ValueType;

    public AggregateType? Aggregate => Symbol.ValueType as AggregateType;

    /// <summary>Bytes of the script key inside the BPF key, padded to 8 (8 for scalar maps).</summary>
    public int ScriptKeySize => KeyType is null ? 8 : Align8(KeyType.Size);

    public int KeySize => Metadata.KeySize;

    public int ValueSize => Metadata.ValueSize;

    public bool BucketInKey => Metadata.BucketInKey;

    /// <summary>A keyless aggregate kept in a per-CPU array (key: u32 0, or the bucket of a hist/lhist) rather than a hash.</summary>
    public bool IsKeylessArray => Metadata.BpfMapType == MapMetadata.PercpuArrayType;

    public static int Align8(int size) => (size + 7) / 8 * 8;
}
