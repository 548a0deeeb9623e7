namespace BtLang.Emit.Btf;

/// <summary>Kernel map types (enum bpf_map_type values) BtLang creates.</summary>
internal enum BpfMapType
{
    Hash = 1,
    Array = 2,
    PerfEventArray = 4,
    PercpuHash = 5,
    PercpuArray = 6,
    StackTrace = 7,
    LruHash = 9,
    LruPercpuHash = 10,
    RingBuffer = 27,
}
