using System.Runtime.InteropServices;

namespace BtLang.Driver.LibBpf;

/// <summary><c>struct bpf_map_batch_opts</c> of libbpf 1.1 (24 bytes).</summary>
[StructLayout(LayoutKind.Explicit, Size = 24)]
internal struct BpfMapBatchOptions
{
    [FieldOffset(0)] public nuint Size;
    [FieldOffset(8)] public ulong ElementFlags;
    [FieldOffset(16)] public ulong Flags;
}
