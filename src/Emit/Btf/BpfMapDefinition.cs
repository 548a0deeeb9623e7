namespace BtLang.Emit.Btf;

/// <summary>
/// A BTF-defined map (a global in section <c>.maps</c>), as libbpf's <c>__uint</c>/<c>__type</c> macros write it.
/// </summary>
/// <param name="Name">The map's (and global's) name, a C identifier; libbpf keeps the first 15 characters.</param>
/// <param name="Type">The kernel map type.</param>
/// <param name="Key">Key description; null for ring buffers, and for (per-CPU) arrays and stack maps to get a u32 key.</param>
/// <param name="Value">Value description; null for ring buffers.</param>
/// <param name="MaxEntries">max_entries (for a ring buffer: its byte size, a power-of-2 multiple of the page size).</param>
/// <param name="MapFlags">map_flags, omitted when 0.</param>
/// <param name="Line">Source line for the debug info, 0 when none.</param>
internal sealed record BpfMapDefinition(
    string Name,
    BpfMapType Type,
    BtfMapSlot? Key,
    BtfMapSlot? Value,
    uint MaxEntries,
    uint MapFlags = 0,
    int Line = 0)
{
    /// <summary>A ring buffer of <paramref name="sizeInBytes"/> bytes.</summary>
    public static BpfMapDefinition RingBuffer(string name, uint sizeInBytes) =>
        new(name, BpfMapType.RingBuffer, null, null, sizeInBytes);

    /// <summary>A stack trace map: key u32 (stack id), value u64[<paramref name="depth"/>] given by size.</summary>
    public static BpfMapDefinition StackTrace(string name, int depth, uint maxEntries) =>
        new(name, BpfMapType.StackTrace, BtfMapSlot.OfSize(4), BtfMapSlot.OfSize(checked((uint)depth * 8)), maxEntries);
}
